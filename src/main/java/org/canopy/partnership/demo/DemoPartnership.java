package org.canopy.partnership.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import org.canopy.partnership.AgencyKind;
import org.canopy.partnership.PartnershipDemo;
import org.canopy.partnership.Role;
import org.canopy.partnership.accounts.Agencies;
import org.canopy.partnership.accounts.Partnerships;
import org.canopy.partnership.accounts.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode: on first start of the embedded database, creates the partnership the two seed documents
 * describe, every agency they name and the demo accounts of API.md (password {@code demo}). The demo module's
 * loader calls this first, then each module's demo entry, in one transaction.
 */
@Component
class DemoPartnership implements PartnershipDemo {

    static final String NAME = "Tower Hamlets Safeguarding Children Partnership";
    static final String CCG = "Tower Hamlets Clinical Commissioning Group";
    static final String ICB = "North East London Integrated Care Board";
    /** Integrated care boards replaced clinical commissioning groups on this day (Health and Care Act 2022). */
    static final LocalDate ICB_FROM = LocalDate.of(2022, 7, 1);
    private static final Logger log = LoggerFactory.getLogger(DemoPartnership.class);

    /** Agencies named by the seeds: the plan's partnership list, the report's funders and quoted partners. */
    static final List<Object[]> AGENCIES = List.of(
            new Object[] {"London Borough of Tower Hamlets", AgencyKind.STATUTORY_PARTNER,
                    "The local authority: a statutory safeguarding partner (plan partner; report funder, £148,000)."},
            new Object[] {"Tower Hamlets Clinical Commissioning Group", AgencyKind.STATUTORY_PARTNER,
                    "A statutory safeguarding partner (plan partner; report funder, £45,000). Clinical commissioning groups"
                            + " were abolished on 1 July 2022 (Health and Care Act 2022); its duties passed to the North East"
                            + " London Integrated Care Board."},
            new Object[] {ICB, AgencyKind.STATUTORY_PARTNER,
                    "The integrated care board, a statutory safeguarding partner since 1 July 2022 (Health and Care Act 2022),"
                            + " when it replaced the clinical commissioning groups: from that date the seed's Tower Hamlets"
                            + " Clinical Commissioning Group is the ICB's place-based partnership for Tower Hamlets."},
            new Object[] {"Metropolitan Police", AgencyKind.STATUTORY_PARTNER,
                    "The chief officer of police: a statutory safeguarding partner (plan partner; report funder, £5,000)."},
            new Object[] {"Children's Social Care", AgencyKind.STATUTORY_PARTNER,
                    "The local authority's children's social care service (quoted in the annual report)."},
            new Object[] {"Partnership business unit", AgencyKind.STATUTORY_PARTNER,
                    "The partnership's business unit, funded by the partners (the report's largest outgoing)."},
            new Object[] {"Parents and Families Support Service", AgencyKind.STATUTORY_PARTNER,
                    "A local authority service (quoted in the annual report)."},
            new Object[] {"Barts Health NHS Trust", AgencyKind.RELEVANT_AGENCY, "Plan partner; report funder, £3,000."},
            new Object[] {"East London NHS Foundation Trust", AgencyKind.RELEVANT_AGENCY,
                    "Plan partner; report funder, £2,500 (ELFT)."},
            new Object[] {"GPs", AgencyKind.RELEVANT_AGENCY, "Plan partner."},
            new Object[] {"GP Care Group", AgencyKind.RELEVANT_AGENCY, "Health visitors, family nurses and school health (quoted in the annual report)."},
            new Object[] {"Registered Housing Providers", AgencyKind.RELEVANT_AGENCY, "Plan partner."},
            new Object[] {"Schools", AgencyKind.EDUCATION_OR_CHILDCARE, "Plan partner."},
            new Object[] {"William Davis School", AgencyKind.EDUCATION_OR_CHILDCARE, "A primary school (quoted in the annual report)."},
            new Object[] {"Tower Hamlets College", AgencyKind.EDUCATION_OR_CHILDCARE, "Plan partner."},
            new Object[] {"The third and voluntary sector", AgencyKind.RELEVANT_AGENCY, "Plan partner."},
            new Object[] {"Family Group Conference Service", AgencyKind.RELEVANT_AGENCY, "Quoted in the annual report."},
            new Object[] {"London Fire Brigade", AgencyKind.RELEVANT_AGENCY, "Report funder, £500."},
            new Object[] {"CAFCASS", AgencyKind.RELEVANT_AGENCY, "Report funder, £550."});

    /** The demo accounts of API.md: username, display name, role, agency (or null). */
    static final List<Object[]> ACCOUNTS = List.of(
            new Object[] {"coordinator", "Partnership coordinator", Role.ADMINISTRATOR, "Partnership business unit"},
            new Object[] {"executive", "Executive member (local authority)", Role.EXECUTIVE, "London Borough of Tower Hamlets"},
            new Object[] {"police", "Police contributor", Role.AGENCY_CONTRIBUTOR, "Metropolitan Police"},
            new Object[] {"health", "Health contributor", Role.AGENCY_CONTRIBUTOR, "Tower Hamlets Clinical Commissioning Group"},
            new Object[] {"council", "Council contributor", Role.AGENCY_CONTRIBUTOR, "Children's Social Care"},
            new Object[] {"chair", "Group chair (Quality Assurance and Performance)", Role.GROUP_CHAIR, null},
            new Object[] {"scrutineer", "Independent scrutineer", Role.INDEPENDENT_SCRUTINEER, null},
            new Object[] {"viewer", "Viewer", Role.VIEWER, null});

    private final Partnerships partnerships;
    private final Agencies agencies;
    private final UserAccounts users;
    /**
     * The demo password is published (README, API.md), so a slow hash protects nothing: BCrypt's lowest cost keeps
     * every sign-in with it quick (each one costs ~80 ms at the default cost, hundreds of times in the tests).
     * Real accounts are hashed by the application's encoder at its full cost. For the same reason the demo's own
     * accounts skip {@code accounts.PasswordPolicy}, which would refuse "demo": the policy guards passwords a person
     * or administrator sets, and demo mode is off unless asked for (a production start never creates these accounts).
     */
    private static final PasswordEncoder DEMO_PASSWORD_HASH = new org.springframework.security.crypto.password.DelegatingPasswordEncoder(
            "bcrypt", java.util.Map.of("bcrypt", new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4)));


    DemoPartnership(Partnerships partnerships, Agencies agencies, UserAccounts users) {
        this.partnerships = partnerships;
        this.agencies = agencies;
        this.users = users;
    }

    @Override
    @Transactional
    public OptionalLong create() {
        if (partnerships.idByName(NAME).isPresent()) {
            return OptionalLong.empty();
        }
        long partnershipId = partnerships.create(NAME, "London Borough of Tower Hamlets");
        for (Object[] a : AGENCIES) {
            agencies.create(partnershipId, (String) a[0], (AgencyKind) a[1], (String) a[2]);
        }
        long icb = agencies.agencyNamed(partnershipId, ICB).orElseThrow().id();
        agencies.setSuccession(partnershipId, icb, -1, ICB_FROM, null, null);
        agencies.setSuccession(partnershipId, agencies.agencyNamed(partnershipId, CCG).orElseThrow().id(), -1, null,
                ICB_FROM.minusDays(1), icb);
        String hash = DEMO_PASSWORD_HASH.encode("demo");
        for (Object[] u : ACCOUNTS) {
            Long agencyId = u[3] == null ? null : agencies.agencyNamed(partnershipId, (String) u[3]).orElseThrow().id();
            users.create(partnershipId, (String) u[0], (String) u[1], null, hash, (Role) u[2], agencyId);
        }
        log.info("Demo mode: created the demo partnership with accounts {} (password 'demo')",
                ACCOUNTS.stream().map(u -> (String) u[0]).toList());
        return OptionalLong.of(partnershipId);
    }
}
