package org.canopy.plan.plans;

import java.util.List;
import org.canopy.plan.PlanPriorities;
import org.canopy.plan.PlanSectionRef;
import org.canopy.plan.PriorityRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Answers {@link PlanPriorities} from the plan module's own tables. */
@Service
class PlanPrioritiesQuery implements PlanPriorities {

    private final JdbcClient jdbc;

    PlanPrioritiesQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PriorityRef> priorities(long partnershipId) {
        return jdbc.sql("""
                select p.id, p.plan_id, l.title as plan_title, p.number, p.title from plan_priority p
                join plan l on l.id = p.plan_id where l.partnership_id = ? order by coalesce(l.start_date, cast(l.loaded_at as date)) desc, l.id desc, p.number""")
                .param(partnershipId)
                .query((rs, n) -> new PriorityRef(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5)))
                .list();
    }

    @Override
    public List<PlanSectionRef> sections(long partnershipId) {
        return jdbc.sql("""
                select s.id, s.plan_id, l.title as plan_title, s.number, s.title from plan_section s
                join plan l on l.id = s.plan_id where l.partnership_id = ? order by coalesce(l.start_date, cast(l.loaded_at as date)) desc, l.id desc, s.number""")
                .param(partnershipId)
                .query((rs, n) -> new PlanSectionRef(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5)))
                .list();
    }
}
