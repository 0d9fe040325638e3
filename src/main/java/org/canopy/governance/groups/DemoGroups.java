package org.canopy.governance.groups;

import org.canopy.governance.GroupFunction;
import org.canopy.governance.GroupType;
import org.canopy.governance.MemberRole;
import org.canopy.governance.demo.DemoPart;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.People;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo mode: the annual report's partnership structure (executive, sub-group, panel, priority groups) and their functions. */
@Component
@Order(10)
class DemoGroups implements DemoPart {

    static final String ACTOR = "demo";

    private final GroupRegistry groups;
    private final People people;
    private final TermsOfReference terms;
    private final AgencyDirectory agencies;

    DemoGroups(GroupRegistry groups, People people, TermsOfReference terms, AgencyDirectory agencies) {
        this.groups = groups;
        this.people = people;
        this.terms = terms;
        this.agencies = agencies;
    }

    @Override
    public void load(long p) {
        var executive = groups.findOrCreate(p, ACTOR, "Executive Group", GroupType.EXECUTIVE, GroupFunction.EXECUTIVE);
        var quality = groups.findOrCreate(p, ACTOR, "Quality Assurance and Performance Group", GroupType.SUB_GROUP,
                GroupFunction.QUALITY_ASSURANCE);
        var panel = groups.findOrCreate(p, ACTOR, "Rapid Review Panel", GroupType.PANEL, GroupFunction.RAPID_REVIEW_PANEL);
        var priorities = List.of(
                groups.findOrCreate(p, ACTOR, "Domestic Abuse and the Impact on Children and Young People", GroupType.PRIORITY_GROUP),
                groups.findOrCreate(p, ACTOR, "Staying Safe Online", GroupType.PRIORITY_GROUP),
                groups.findOrCreate(p, ACTOR, "All Age Exploitation (joint with the Safeguarding Adults Board)", GroupType.PRIORITY_GROUP));
        // Terms of reference hold only what the annual report says of each group; the rest is "Not stated".
        var core = new LinkedHashSet<Long>();
        for (String name : List.of("London Borough of Tower Hamlets", "Tower Hamlets Clinical Commissioning Group", "Metropolitan Police")) {
            agencies.byName(p, name).ifPresent(a -> core.add(a.id()));
        }
        terms.loadDemo(p, executive.id(), "Oversees the Partnership and aims to continue to promote and support multi-agency working"
                + " across all areas of safeguarding: a small Executive Group where items are escalated and authorised, its"
                + " core members the CCG, Police and Local Authority (annual report 2020-21).",
                "The three safeguarding partners rotate chairing the Executive", core);
        terms.loadDemo(p, quality.id(), "Oversees the business part of the partnership, which includes (but is not limited to)"
                + " reviewing multi-agency data, audits and action plans that arise from statutory reviews (annual report 2020-21).",
                "Interim chaired by the Independent Scrutineer over 2020-21", Set.of());
        terms.loadDemo(p, panel.id(), "Established to respond quickly to serious incidents, if a child has been significantly harmed or"
                + " died from abuse or neglect: reviews the cases, draws out any immediate learning and makes recommendations to the"
                + " Executive on what level of statutory review is required (annual report 2020-21).", null, Set.of());
        for (var priority : priorities) {
            terms.loadDemo(p, priority.id(), "Set up to focus a lens on an area that has arisen as a challenge within the borough."
                    + " The priority groups were set up in early 2021, appointing chairs and agreeing membership and terms of"
                    + " reference, which the annual report does not state (annual report 2020-21).", null, Set.of());
        }
        // The lead partners rotate chairing the executive, so each of them chairs it; the demo's group chair account
        // runs the quality assurance group (the seed's interim chair, the scrutineer, writes only in scrutiny).
        people.byUsername(p, "executive").ifPresent(u -> groups.addMember(p, ACTOR, executive.id(), u.id(), MemberRole.CHAIR));
        people.byUsername(p, "chair").ifPresent(u -> groups.addMember(p, ACTOR, quality.id(), u.id(), MemberRole.CHAIR));
    }
}
