package org.canopy.data.escalations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.canopy.governance.GroupFunction;
import org.canopy.governance.Groups;
import org.canopy.support.CanopyDatabaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A figure's escalation made before governance kept escalations is adopted once, with its original times, people,
 * statuses, decision and steps, from the quality assurance group; adopting again changes nothing.
 */
@CanopyDatabaseTest
class EscalationAdoptionTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EscalationAdoption adoption;

    @Autowired
    Groups groups;

    @AfterEach
    void restoreDemo() {
        jdbc.sql("delete from escalation_event").update();
        jdbc.sql("delete from escalation").update();
        jdbc.sql("delete from executive_escalation_step").update();
        jdbc.sql("delete from executive_escalation").update();
    }

    @Test
    void anOldEscalationIsAdoptedOnceWithItsHistory() {
        long partnership = jdbc.sql("select partnership_id from canopy_user where username = 'viewer'").query(Long.class).single();
        long indicator = jdbc.sql("select id from indicator where partnership_id = ? and code = 'CP_COUNT'").param(partnership)
                .query(Long.class).single();
        var raised = LocalDateTime.of(2021, 5, 4, 10, 30);
        var decided = LocalDateTime.of(2021, 6, 1, 14, 0);
        jdbc.sql("""
                insert into escalation (partnership_id, indicator_id, period, reason, status, raised_by, raised_at, decision,
                    decision_actions, decided_by, decided_at, version)
                values (?, ?, '2020-21', 'Plans rose.', 'DECIDED', 'chair', ?, 'Commission an audit.', 'Report in a quarter.',
                    'executive', ?, 1)""").params(partnership, indicator, raised, decided).update();
        long id = jdbc.sql("select id from escalation").query(Long.class).single();
        jdbc.sql("insert into escalation_event (escalation_id, happened_at, actor, status, note) values (?, ?, 'chair', 'OPEN', 'Plans rose.')")
                .params(id, raised).update();
        jdbc.sql("insert into escalation_event (escalation_id, happened_at, actor, status, note) values (?, ?, 'executive', 'DECIDED', 'Commission an audit.')")
                .params(id, decided).update();

        assertThat(adoption.adoptAll()).isEqualTo(1);
        assertThat(adoption.adoptAll()).isZero();

        long kept = jdbc.sql("select governance_escalation_id from escalation where id = ?").param(id).query(Long.class).single();
        var row = jdbc.sql("""
                select kind, subject, source_ref, status, raised_by, raised_at, decision, decided_by, decided_at, from_group_id
                from executive_escalation where id = ?""").param(kept).query((rs, n) -> List.of(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, LocalDateTime.class), rs.getString(7),
                        rs.getString(8), rs.getObject(9, LocalDateTime.class), rs.getLong(10))).single();
        long qa = groups.withFunction(partnership, GroupFunction.QUALITY_ASSURANCE).orElseThrow().id();
        String name = jdbc.sql("select name from indicator where id = ?").param(indicator).query(String.class).single();
        assertThat(row).containsExactly("FIGURES", name + " (2020-21)", "/data/escalations/" + id, "DECIDED", "chair", raised, "Commission an audit.",
                "executive", decided, qa);
        assertThat(jdbc.sql("select actor || ' ' || status || ' ' || note from executive_escalation_step where escalation_id = ? order by id")
                .param(kept).query(String.class).list()).containsExactly("chair OPEN Plans rose.", "executive DECIDED Commission an audit.");
        assertThat(jdbc.sql("select count(*) from executive_escalation").query(Integer.class).single()).isEqualTo(1);
    }
}
