package org.canopy.funding.budget;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.canopy.partnership.AgencyDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Demo mode: the annual report's 2020-21 funding table exactly as it stands. The report gives each partner's amount as
 * income, so it is recorded as received; it states no agreed amounts ("Funding is agreed at the beginning of the year with
 * the partners") and no budgets, so none is stored. The balance is not in the report: the page computes it. The in-kind
 * contributions are the report's own sentence, for the partners together, without hours. No basis and no sign-off are
 * recorded (the report states neither); the statement is published, as the report was.
 */
@Component
public class DemoBudget {

    static final String YEAR = "2020-21";
    static final String IN_KIND = "The partners will often give their time and resources in kind to support the functioning of the"
            + " partnership. Which includes, chairing and participating in sub/task and finish groups, conducting reviews, audits,"
            + " leading and attending workshops and analysing and submitting data.";

    /** The report's agency, the demo agency it is, and the amount. */
    static final List<Object[]> INCOME = List.of(
            new Object[] {"Police", "Metropolitan Police", "5000"},
            new Object[] {"Barts Health", "Barts Health NHS Trust", "3000"},
            new Object[] {"Clinical Commissioning Group", "Tower Hamlets Clinical Commissioning Group", "45000"},
            new Object[] {"East London Foundation Trust", "East London NHS Foundation Trust", "2500"},
            new Object[] {"Local Authority", "London Borough of Tower Hamlets", "148000"},
            new Object[] {"Fire Brigade", "London Fire Brigade", "500"},
            new Object[] {"CAFCASS", "CAFCASS", "550"});

    /** The report's outgoing items, their kind, and the amount (an actual). */
    static final List<Object[]> OUTGOINGS = List.of(
            new Object[] {"Business Unit Salaries and Oncosts", "SALARIES", "133000"},
            new Object[] {"Training", "TRAINING", "13500"},
            new Object[] {"Thematic Review", "REVIEWS", "38370"},
            new Object[] {"Independent Scrutineer", "SCRUTINEER", "30500"});

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;

    DemoBudget(JdbcClient jdbc, AgencyDirectory agencies) {
        this.jdbc = jdbc;
        this.agencies = agencies;
    }

    public void load(long p) {
        var now = LocalDateTime.now(ZoneOffset.UTC);
        var la = agencies.byName(p, "London Borough of Tower Hamlets").map(a -> a.id()).orElse(null);
        var ccg = agencies.byName(p, "Tower Hamlets Clinical Commissioning Group").map(a -> a.id()).orElse(null);
        var police = agencies.byName(p, "Metropolitan Police").map(a -> a.id()).orElse(null);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into funding_year (partnership_id, financial_year, la_agency_id, icb_agency_id, police_agency_id, published, published_by,
                                          published_at, created_by, created_at) values (?, ?, ?, ?, ?, true, 'demo', ?, 'demo', ?)""")
                .params(p, YEAR, la, ccg, police, now, now).update(keys, "id");
        long year = keys.getKey().longValue();
        for (Object[] line : INCOME) {
            agencies.byName(p, (String) line[1]).ifPresent(a -> jdbc.sql("""
                    insert into funding_contribution (partnership_id, year_id, agency_id, agreed, received, updated_by, updated_at)
                    values (?, ?, ?, null, ?, 'demo', ?)""").params(p, year, a.id(), new BigDecimal((String) line[2]).setScale(2), now).update());
        }
        int position = 1;
        for (Object[] line : OUTGOINGS) {
            jdbc.sql("""
                    insert into funding_outgoing (partnership_id, year_id, category, line, budget, actual, position, updated_by, updated_at)
                    values (?, ?, ?, ?, null, ?, ?, 'demo', ?)""")
                    .params(p, year, line[1], line[0], new BigDecimal((String) line[2]).setScale(2), position++, now).update();
        }
        jdbc.sql("insert into funding_in_kind (partnership_id, year_id, agency_id, kind, hours, description, updated_by, updated_at) values (?, ?, null, 'OTHER', null, ?, 'demo', ?)")
                .params(p, year, IN_KIND, now).update();
    }
}
