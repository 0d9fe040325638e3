package org.canopy.governance.groups;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The quorum of a group's terms of reference in force, for the meetings that check it. */
@Component
public class GroupTerms {

    /** The fewest members present for a meeting to decide, and the agencies that must be represented. */
    public record Quorum(int members, Set<Long> agencyIds) {
    }

    private final JdbcClient jdbc;

    GroupTerms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The quorum of the group's latest terms of reference, or empty when they set none. */
    public Optional<Quorum> quorumOf(long partnershipId, long groupId) {
        return jdbc.sql("""
                select quorum_members, quorum_agencies from terms_of_reference where partnership_id = ? and group_id = ?
                order by version_number desc fetch first 1 row only""").params(partnershipId, groupId)
                .query((rs, n) -> new Quorum(rs.getInt(1), agencyIds(rs.getString(2)))).optional()
                .filter(q -> q.members() > 0 || !q.agencyIds().isEmpty());
    }

    /** The agency ids a stored list holds. */
    static Set<Long> agencyIds(String stored) {
        if (stored == null || stored.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(stored.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Long::valueOf)
                .collect(Collectors.toUnmodifiableSet());
    }
}
