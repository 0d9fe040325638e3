package org.canopy.partnership.accounts;

import java.util.List;
import java.util.Optional;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.AgencyKind;
import org.canopy.partnership.AgencySummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The partnership's agencies. */
@Repository
public class Agencies implements AgencyDirectory {

    /** An agency as stored. */
    public record Agency(long id, String name, AgencyKind kind, String description, boolean active) {
    }

    private final JdbcClient jdbc;

    Agencies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Agency> all(long partnershipId) {
        return jdbc.sql("select id, name, kind, description, active from agency where partnership_id = ? order by kind desc, lower(name)")
                .param(partnershipId)
                .query((rs, n) -> new Agency(rs.getLong("id"), rs.getString("name"),
                        AgencyKind.valueOf(rs.getString("kind")), rs.getString("description"), rs.getBoolean("active")))
                .list();
    }

    @Override
    public List<AgencySummary> agencies(long partnershipId) {
        return all(partnershipId).stream().map(a -> new AgencySummary(a.id(), a.name(), a.kind(), a.active())).toList();
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
}
