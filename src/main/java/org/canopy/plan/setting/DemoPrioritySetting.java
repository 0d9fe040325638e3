package org.canopy.plan.setting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.canopy.governance.GroupFunction;
import org.canopy.governance.GroupType;
import org.canopy.governance.Groups;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.People;
import org.canopy.partnership.Role;
import org.canopy.plan.ThreadEntry;
import org.canopy.plan.setting.SettingViews.Basis;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode: the annual report 2020-21's priority-setting round of November and December 2020, its eight kinds of
 * evidence in the report's words (linked to what Canopy holds where it does), the three areas it names, and the
 * Executive's decision, which makes them a second plan led by the demo's priority groups, with no actions yet.
 */
@Component
public class DemoPrioritySetting {

    static final String ACTOR = "demo";
    static final String REPORT = "Safeguarding partnership annual report 2020-21, 'Setting the Priorities'";
    public static final String ROUND_TITLE = "Setting the priorities, November and December 2020";
    public static final String PLAN_TITLE = "THSCP priorities from 2021";
    public static final String PLAN_PERIOD = "From early 2021 (priority groups set up in early 2021)";

    static final String DOMESTIC_ABUSE = "Domestic Abuse and the Impact on Children and Young People";
    static final String ONLINE = "Staying Safe Online";
    static final String EXPLOITATION = "All Age Exploitation – Joint with the Safeguarding Adults Board";

    /** The demo priority groups (governance) that lead each area. */
    static final Map<String, String> LEAD_GROUPS = Map.of(
            DOMESTIC_ABUSE, "Domestic Abuse and the Impact on Children and Young People",
            ONLINE, "Staying Safe Online",
            EXPLOITATION, "All Age Exploitation (joint with the Safeguarding Adults Board)");

    static final Set<String> DOMESTIC_ABUSE_INDICATORS = Set.of("DOMESTIC_ABUSE_CASES");

    private final PrioritySetting setting;
    private final People people;
    private final Groups groups;

    DemoPrioritySetting(PrioritySetting setting, People people, Groups groups) {
        this.setting = setting;
        this.people = people;
        this.groups = groups;
    }

    @Transactional
    public void load(long partnershipId) {
        var coordinator = people.byUsername(partnershipId, "coordinator").orElseThrow();
        // The demo loader acts as the coordinator, recorded in the history as "demo".
        var demo = new CanopyUser(coordinator.id(), partnershipId, ACTOR, "Demo", Role.ADMINISTRATOR, null, null, true, false, null);
        var round = setting.start(demo, Map.of("title", ROUND_TITLE, "heldWhen", "November and December 2020",
                "summary", "In November and December 2020, the THSCP focused on setting the priority groups across the"
                        + " partnership: a rigorous process was put in place to ensure the priorities tackle the core issues"
                        + " that children and young people are facing in the borough. The Executive Group reviewed the evidence"
                        + " and made the final decision on the chosen priorities. A newsletter went out to the partners to alert"
                        + " them to the decision and to thank them for their contributions. (" + REPORT + ")"));
        long roundId = round.id();
        var citable = setting.citable(demo);

        var evidence = new LinkedHashMap<EvidenceKind, Long>();
        evidence.put(EvidenceKind.SENIOR_WORKSHOP, setting.storeEvidence(roundId, ACTOR, EvidenceKind.SENIOR_WORKSHOP,
                "A partnership wide workshop with senior management from organisations across the borough. The report does"
                        + " not state the workshop's own outcome. During the priority setting process partners were asked about"
                        + " their current challenges to safeguarding, and the report lists their views (among them: increase in"
                        + " Domestic Abuse; increased risk of hidden harm and exploitation; how to safeguard in an increasingly"
                        + " virtual world).", List.of()).id());
        evidence.put(EvidenceKind.PRACTITIONER_WORKSHOP, setting.storeEvidence(roundId, ACTOR, EvidenceKind.PRACTITIONER_WORKSHOP,
                "A practitioner and frontline worker workshop from organisations across the borough. The report gives"
                        + " partners' views on challenges to safeguarding gathered during the process; it does not state this"
                        + " workshop's own outcome.", List.of()).id());
        evidence.put(EvidenceKind.CHILDREN_FEEDBACK, setting.storeEvidence(roundId, ACTOR, EvidenceKind.CHILDREN_FEEDBACK,
                "Gaining feedback from children and young people. The report's feedback about the priority subjects"
                        + " includes: \"Want to hear from people who have been through Domestic Abuse\"; \"Worried about"
                        + " misinformation/conspiracy theories online\"; \"Want more information about consequences of gang"
                        + " involvement and advice on alternatives sooner\".",
                pick(citable, e -> "FEEDBACK_THEME".equals(e.kind()))).id());
        evidence.put(EvidenceKind.SINGLE_AGENCY_AUDITS, setting.storeEvidence(roundId, ACTOR, EvidenceKind.SINGLE_AGENCY_AUDITS,
                "Review of single agency audits that had taken place over the year. The report does not name them.",
                List.of()).id());
        evidence.put(EvidenceKind.DATA_DASHBOARD, setting.storeEvidence(roundId, ACTOR, EvidenceKind.DATA_DASHBOARD,
                "Review of the multi-agency data dashboard. \"Police and Children's Services data showed Domestic Abuse"
                        + " cases were rising and presenting as more complex once lockdowns had lifted\" (annual report"
                        + " 2020-21, 'A few things we learnt from our data').",
                pick(citable, e -> "INDICATOR".equals(e.kind()) && DOMESTIC_ABUSE_INDICATORS.contains(e.ref()))).id());
        evidence.put(EvidenceKind.REVIEWS, setting.storeEvidence(roundId, ACTOR, EvidenceKind.REVIEWS,
                "Review of all Rapid Reviews and Statutory Review that had taken place.",
                pick(citable, e -> "REVIEW".equals(e.kind()))).id());
        evidence.put(EvidenceKind.SCRUTINY_REPORT, setting.storeEvidence(roundId, ACTOR, EvidenceKind.SCRUTINY_REPORT,
                "Independent Scrutiny Report on findings across the year.",
                pick(citable, e -> "SCRUTINY_STATEMENT".equals(e.kind()))).id());
        evidence.put(EvidenceKind.OTHER_PARTNERSHIPS, setting.storeEvidence(roundId, ACTOR, EvidenceKind.OTHER_PARTNERSHIPS,
                "Review of what other partnerships priorities are: this prompted a more joined up approach with the"
                        + " Safeguarding Adults Board and a joint priority was introduced.", List.of()).id());

        String themes = "The recurring themes from the data, children and young people, and the partners: ";
        String risks = "Longer term risks raised, built into the partnership priorities: ";
        String said = "Children and young people's feedback about the priority subjects (matched to this priority in Canopy by"
                + " the words they use): ";
        String partners = " (partners' views gathered during the priority setting process; the report does not say which"
                + " workshop gave them: linked in Canopy)";
        setting.storeCandidate(roundId, ACTOR, DOMESTIC_ABUSE, null, List.of(
                new Basis(evidence.get(EvidenceKind.DATA_DASHBOARD), "\"Domestic Abuse and the impact on children has become a"
                        + " main priority\" (what the partnership learnt from its data); " + themes + "\"The increase of Domestic"
                        + " Abuse and the data showed the increase of severity and complexity within cases.\""),
                new Basis(evidence.get(EvidenceKind.CHILDREN_FEEDBACK), said + "\"Want to hear from people who have been through"
                        + " Domestic Abuse\"; \"Want to know where to get information if worried about friends/how to spot signs of"
                        + " Domestic Abuse\". " + risks + "\"the increase of domestic abuse\""),
                new Basis(evidence.get(EvidenceKind.SENIOR_WORKSHOP), "\"Increase in Domestic Abuse\"" + partners),
                new Basis(evidence.get(EvidenceKind.PRACTITIONER_WORKSHOP), "\"Increase in Domestic Abuse\"" + partners)));
        setting.storeCandidate(roundId, ACTOR, ONLINE, null, List.of(
                new Basis(evidence.get(EvidenceKind.CHILDREN_FEEDBACK), said + "\"There's a feeling of fatigue with too much time"
                        + " spent online\"; \"Worried about misinformation/conspiracy theories online\"; \"Advice needed for"
                        + " parents and carers – in terms of gaming especially\". " + themes + "\"safeguarding children in a"
                        + " virtual world\"; " + risks + "\"increase of screen time for children\""),
                new Basis(evidence.get(EvidenceKind.SENIOR_WORKSHOP), "\"How to safeguard in an increasingly virtual world\"" + partners),
                new Basis(evidence.get(EvidenceKind.PRACTITIONER_WORKSHOP), "\"Parents/ Guardians not having the right"
                        + " information to keep c/yp safe whilst online\"" + partners)));
        setting.storeCandidate(roundId, ACTOR, EXPLOITATION, null, List.of(
                new Basis(evidence.get(EvidenceKind.CHILDREN_FEEDBACK), said + "\"Want to better understand the reasons for issues"
                        + " eg county lines\"; \"Want more information about consequences of gang involvement\". " + themes
                        + "\"The increasing risk of exploitation in all forms.\" " + risks + "\"concerns of exploitation\""),
                new Basis(evidence.get(EvidenceKind.SENIOR_WORKSHOP), "\"Increased risk of hidden harm and exploitation\"" + partners),
                new Basis(evidence.get(EvidenceKind.PRACTITIONER_WORKSHOP), "\"Increased risk of hidden harm and exploitation\""
                        + partners),
                new Basis(evidence.get(EvidenceKind.OTHER_PARTNERSHIPS), "\"this prompted a more joined up approach with the"
                        + " Safeguarding Adults Board and a joint priority was introduced\"")));

        var view = setting.round(demo, roundId);
        var form = new LinkedHashMap<String, String>();
        form.put("decidedWhen", "November and December 2020");
        form.put("reasons", "Many challenges have arisen in the year 20-21; after an analysis of the evidence, it appeared three"
                + " areas required more intensive intervention. It is noted that the impact of the Covid-19 Pandemic has had a"
                + " huge impact on Safeguarding and this will be a feature within the priorities. (" + REPORT + ")");
        form.put("plan", "new");
        form.put("planTitle", PLAN_TITLE);
        form.put("planPeriod", PLAN_PERIOD);
        var chosen = new ArrayList<String>();
        for (var c : view.candidates()) {
            chosen.add(String.valueOf(c.id()));
            groups.byName(partnershipId, LEAD_GROUPS.get(c.title())).filter(g -> g.type() == GroupType.PRIORITY_GROUP)
                    .ifPresent(g -> form.put("group-" + c.id(), String.valueOf(g.id())));
        }
        if (groups.withFunction(partnershipId, GroupFunction.EXECUTIVE).isEmpty()) {
            return;
        }
        setting.decide(demo, roundId, form, chosen, view.round().version());
    }

    private static List<ThreadEntry> pick(List<ThreadEntry> citable, java.util.function.Predicate<ThreadEntry> which) {
        return citable.stream().filter(which).toList();
    }
}
