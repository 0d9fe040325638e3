package org.canopy.partnership.accounts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.AgencyKind;
import org.canopy.partnership.AgencySummary;
import org.canopy.web.EditConflict;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The partnership's agencies, with the period each existed and the agency that succeeded it. */
@Repository
public class Agencies implements AgencyDirectory {

    /** An agency as stored. */
    public record Agency(long id, String name, AgencyKind kind, String description, boolean active, LocalDate from,
            LocalDate until, Long successorId, int version) {
    }

    private final JdbcClient jdbc;

    Agencies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Agency> all(long partnershipId) {
        return jdbc.sql("""
                select id, name, kind, description, active, existed_from, existed_until, succeeded_by, version from agency
                where partnership_id = ? order by kind desc, lower(name)""")
                .param(partnershipId)
                .query((rs, n) -> new Agency(rs.getLong("id"), rs.getString("name"),
                        AgencyKind.valueOf(rs.getString("kind")), rs.getString("description"), rs.getBoolean("active"),
                        rs.getObject("existed_from", LocalDate.class), rs.getObject("existed_until", LocalDate.class),
                        (Long) rs.getObject("succeeded_by", Long.class), rs.getInt("version")))
                .list();
    }

    @Override
    public List<AgencySummary> agencies(long partnershipId) {
        return all(partnershipId).stream().map(a -> new AgencySummary(a.id(), a.name(), a.kind(), a.active(), a.from(),
                a.until(), a.successorId())).toList();
    }

    Optional<Agency> find(long partnershipId, long id) {
        return all(partnershipId).stream().filter(a -> a.id() == id).findFirst();
    }

    public Optional<Agency> agencyNamed(long partnershipId, String name) {
        return all(partnershipId).stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst();
    }

    public long create(long partnershipId, String name, AgencyKind kind, String description) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into agency (partnership_id, name, kind, description) values (?, ?, ?, ?)")
                .params(partnershipId, name, kind.name(), description).update(keys, "id");
        return keys.getKey().longValue();
    }

    void setActive(long partnershipId, long id, boolean active) {
        jdbc.sql("update agency set active = ?, version = version + 1 where id = ? and partnership_id = ?")
                .params(active, id, partnershipId).update();
    }

    /**
     * Sets the agency's period and successor. Refused when the period ends before it starts, the successor is the
     * agency itself or another partnership's, or following successors from the new one would come back to this
     * agency; a change since {@code version} (-1: not checked, for the demo loader) is a conflict.
     */
    public void setSuccession(long partnershipId, long id, int version, LocalDate from, LocalDate until, Long successorId) {
        var all = all(partnershipId);
        var problems = new ArrayList<FieldProblem>();
        if (from != null && until != null && until.isBefore(from)) {
            problems.add(FieldProblem.of("until", "The date it ceased must be the same as or after the date it began"));
        }
        if (successorId != null) {
            if (successorId == id) {
                problems.add(FieldProblem.of("successorId", "An agency cannot succeed itself: select another agency"));
            } else if (all.stream().noneMatch(a -> a.id() == successorId)) {
                problems.add(FieldProblem.of("successorId", "Select the successor from the list"));
            } else if (leadsBack(all, successorId, id)) {
                problems.add(FieldProblem.of("successorId",
                        "That agency is already succeeded, directly or in turn, by this one: successors cannot go round in a circle"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int changed = jdbc.sql("""
                update agency set existed_from = ?, existed_until = ?, succeeded_by = ?, version = version + 1
                where id = ? and partnership_id = ? and (? < 0 or version = ?)""")
                .params(from, until, successorId, id, partnershipId, version, version).update();
        if (changed == 0) {
            throw new EditConflict("Someone else changed this agency while you were editing it: check it and make your change again");
        }
    }

    /** Whether following successors from {@code start} reaches {@code target}. */
    private static boolean leadsBack(List<Agency> all, long start, long target) {
        var seen = new HashSet<Long>();
        Long current = start;
        while (current != null && seen.add(current)) {
            if (current == target) {
                return true;
            }
            long at = current;
            current = all.stream().filter(a -> a.id() == at).findFirst().map(Agency::successorId).orElse(null);
        }
        return false;
    }
}
