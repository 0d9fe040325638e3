package org.canopy.voice.engagement;

import java.time.LocalDate;
import java.util.List;
import org.canopy.partnership.AgencyDirectory;
import org.springframework.stereotype.Component;

/** Demo mode: the annual report's eight engagement groups and the canvasser visit it dates. */
@Component
public class DemoEngagement {

    /** The report's engagement groups, exactly as it names them ("What Children and Young People have said"). */
    static final List<String> GROUPS = List.of(
            "CAMHS YP Participation Group",
            "Barts Health Youth Forum/Youth Empowerment Squad",
            "Children Living in Care Council",
            "Youth Council",
            "Young Carers forum",
            "Young Health Watch",
            "Youth Service Providers Forum",
            "Young People with SEND Forum");

    static final String CONSULTED = "Consulted by the THSCP in 2020-21 (annual report).";

    /** ELFT's words in the report on why its Safeguarding Children Team attended the CAMHS participation group. */
    static final String ELFT_PURPOSE = "With a view to hear from young people about how they experience the CAMHS Service and to ask"
            + " questions and share their thoughts and observations (East London Foundation Trust, annual report 2020-21).";

    private final EngagementGroups groups;
    private final Canvassing canvassing;
    private final AgencyDirectory agencies;

    DemoEngagement(EngagementGroups groups, Canvassing canvassing, AgencyDirectory agencies) {
        this.groups = groups;
        this.canvassing = canvassing;
        this.agencies = agencies;
    }

    /** Adds the demo engagement groups and visits. */
    public void load(long partnershipId) {
        long camhs = -1;
        for (String name : GROUPS) {
            long id = groups.addForDemo(partnershipId, name, CONSULTED);
            if (camhs < 0) {
                camhs = id;
            }
        }
        // The report dates the visit to February 2021 only, and does not say what was heard.
        Long elft = agencies.byName(partnershipId, "East London NHS Foundation Trust").map(a -> a.id()).orElse(null);
        canvassing.visitForDemo(partnershipId, camhs, elft, "Safeguarding Children Team", LocalDate.of(2021, 2, 1), false,
                VisitStatus.DONE, ELFT_PURPOSE);
    }
}
