package org.canopy.risk.demo;

import java.util.List;
import org.canopy.plan.PlanPriorities;
import org.canopy.risk.RiskDemo;
import org.canopy.risk.register.RiskStatus;
import org.canopy.risk.register.Risks;
import org.springframework.stereotype.Component;

/**
 * The annual report 2020-21's risks: the snapshot of risks raised at the fortnightly risk meetings (March to July 2020),
 * each with "How the THSCP responded" as its response, closed in 2020-21; and the longer-term risks the report built into
 * its priorities, open and linked to those priorities where the partnership's plan holds them. The report gives no
 * score and names no owner, so none is recorded.
 */
@Component
class RiskDemoLoader implements RiskDemo {

    static final String MEETINGS = "At the fortnightly risk meetings, March to July 2020";
    static final String NO_SCORE = "the annual report gives no score";

    /** The report's table "Snap shot of some risks that were raised" and "How the THSCP responded". */
    static final List<List<String>> COVID = List.of(
            List.of("Volunteers were taking on a lot more work to support families especially with issues such as food poverty.",
                    "The THSCP ensured the local authority opened up all online training for Safeguarding topics to volunteers and partners."),
            List.of("Young people reported that the PPE used in mental health settings could be intimidating.",
                    "The THSCP challenged the mental health teams on the level of PPE used for meetings with children and young people and "
                            + "ensured staff remained protected and young people felt more comfortable in mental health settings."),
            List.of("Headteachers were put under enormous amounts of pressure when children and young people returned to school, some "
                            + "reported that members of the public attempted to film children in regards to social distancing in schools.",
                    "The police spoke with schools and provided support and advice on the legality of filming minors. The Education "
                            + "Partnership met individually with headteachers to understand and escalate their concerns."),
            List.of("Increasing use of social media left children and young people at risk of exploitation.",
                    "The Violence Vulnerability and Exploitation strategy was formed to ensure there is a robust response to Exploitation. "
                            + "The police also updated the THSCP each meeting with live data so this could be monitored."),
            List.of("Ensuring that shielding children are correctly identified.",
                    "Public health worked with NHS digital to ensure this was correct and when changes in definitions to those shielding "
                            + "came into place, this was consistently reviewed by public health and fed back to the THSCP."),
            List.of("Concerns of unlicensed music events and premises opening and serving alcohol during lockdowns leading to risk in "
                            + "Covid-19 spreading.",
                    "Police worked with licensing authorities to ensure this was tackled."));

    /** The longer-term risks (report, Impact of the Covid-19 Pandemic) and the word of the priority title each was built into. */
    static final List<List<String>> LONGER_TERM = List.of(
            List.of("The increase of domestic abuse", "Domestic Abuse"),
            List.of("The increase of screen time for children", "Online"),
            List.of("Concerns of exploitation", "Exploitation"));

    static final String BUILT_IN = "These risks have been built into our partnership priorities for longer term intervention.";

    private final Risks risks;
    private final PlanPriorities priorities;

    RiskDemoLoader(Risks risks, PlanPriorities priorities) {
        this.risks = risks;
        this.priorities = priorities;
    }

    @Override
    public void load(long partnershipId) {
        for (var r : COVID) {
            risks.record(partnershipId, "demo", new Risks.Recorded(r.get(0), null, null, null, null, List.of(), List.of(), MEETINGS,
                    NO_SCORE, RiskStatus.CLOSED, r.get(1), r.get(1), "2020-21"));
        }
        // The priorities set in 2021 (not the 2016-19 plan's), where the partnership's plan holds them.
        var newer = priorities.priorities(partnershipId).stream().filter(p -> p.planTitle() == null || !p.planTitle().contains("2016"))
                .toList();
        for (var r : LONGER_TERM) {
            var linked = newer.stream().filter(p -> p.title().toLowerCase().contains(r.get(1).toLowerCase())).map(p -> p.id()).toList();
            risks.record(partnershipId, "demo", new Risks.Recorded(r.get(0), null, null, null, null, linked, List.of(),
                    "A longer-term risk raised at the fortnightly risk meetings, March to July 2020", NO_SCORE, RiskStatus.OPEN,
                    BUILT_IN, null, null));
        }
    }
}
