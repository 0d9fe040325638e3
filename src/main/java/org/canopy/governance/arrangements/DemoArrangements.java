package org.canopy.governance.arrangements;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.canopy.governance.arrangements.ArrangementsStore.Lead;
import org.canopy.governance.arrangements.ArrangementsStore.Version;
import org.canopy.governance.demo.DemoPart;
import org.canopy.partnership.AgencyDirectory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode: the arrangements as the 2020-21 annual report describes them, and only that: the three delegates it
 * names, the partners' rotating chair of the executive, the arrangements fully in place from March 2020, the
 * scrutineer and the funding as the report states them. The lead partners' own names, a version date, a review date,
 * a threshold document and any sign-off are not in the report, so none is stored.
 */
@Component
@Order(20)
class DemoArrangements implements DemoPart {

    static final String SOURCE = "As the 2020-21 annual report describes them";
    static final String NAMED = "Named in the 2020-21 annual report";
    /** The last day of 2020-21, the year the report covers: the day this version speaks of. */
    static final LocalDate REPORT_YEAR_END = LocalDate.of(2021, 3, 31);

    private final Arrangements arrangements;
    private final AgencyDirectory agencies;

    DemoArrangements(Arrangements arrangements, AgencyDirectory agencies) {
        this.arrangements = arrangements;
        this.agencies = agencies;
    }

    @Override
    public void load(long p) {
        var leads = new ArrayList<Lead>();
        lead(p, leads, LeadRole.LOCAL_AUTHORITY, "London Borough of Tower Hamlets", "James Thomas",
                "Children's Social Care: the statutory Director of Children's Services for Tower Hamlets and the Corporate"
                        + " Director for Children and Culture");
        lead(p, leads, LeadRole.INTEGRATED_CARE_BOARD, "Tower Hamlets Clinical Commissioning Group", "Chetan Vyas",
                "Clinical Commissioning Group: Director of Quality and Safety across Newham, Tower Hamlets and Waltham Forest"
                        + " Clinical Commissioning Groups");
        lead(p, leads, LeadRole.POLICE, "Metropolitan Police", "Marcus Barnett",
                "Metropolitan Police: Detective Chief Superintendent, the senior police officer responsible for the strategic"
                        + " and operational oversight for the London Boroughs of Tower Hamlets and Hackney");
        if (leads.size() < LeadRole.values().length) {
            return; // a demo without the seed's agencies has no arrangements to describe
        }
        var version = new Version(0, 1, """
                The local Police, Clinical Commissioning Group and Local Authority are equally responsible for the \
                partnership and its outcomes. Within Tower Hamlets James, Chetan and Marcus make up the leadership and core \
                partners and rotate chairing THSCP Executive. In March 2020 the transition period ended, and new \
                safeguarding arrangements were fully implemented: for Tower Hamlets this meant stepping away from a \
                traditional board and implementing an agile partnership, a small Executive Group where items are escalated \
                and authorised, with sub-groups and task and finish groups each chaired by a partner.""", """
                Keith Makin was appointed as the Tower Hamlets Safeguarding Children Independent Scrutineer in 2018. In \
                March 2020 a grant was secured from the Department for Education to recruit three young scrutineers, to \
                work alongside each priority, mentored by the Independent Scrutineer and advising the Executive group.""", """
                Funding is agreed at the beginning of the year with the partners and is used to fulfil the function of the \
                partnership. The partners will often give their time and resources in kind to support the functioning of \
                the partnership.""", null, SOURCE, REPORT_YEAR_END, null, null, "demo", LocalDateTime.now(java.time.ZoneOffset.UTC));
        arrangements.record(p, "demo", version, leads, List.of(), null);
    }

    private void lead(long p, List<Lead> leads, LeadRole role, String agency, String delegate, String delegateRole) {
        agencies.byName(p, agency).ifPresent(a -> leads.add(new Lead(0, role, a.id(), null, delegate, delegateRole, NAMED,
                null, null, null, 0)));
    }
}
