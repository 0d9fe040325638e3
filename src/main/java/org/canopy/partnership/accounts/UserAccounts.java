package org.canopy.partnership.accounts;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.People;
import org.canopy.partnership.PersonSummary;
import org.canopy.partnership.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The partnership's user accounts, read and written with plain SQL. */
@Repository
public class UserAccounts implements People {

    private static final String SELECT_PRINCIPAL = """
            select u.id, u.partnership_id, u.username, u.display_name, u.role, u.agency_id, a.name as agency_name,
                   u.enabled, u.password_hash
            from canopy_user u left join agency a on a.id = u.agency_id
            """;

    private static final String SELECT_SUMMARY = """
            select u.id, u.username, u.display_name, u.role, a.name as agency_name, u.email, u.enabled
            from canopy_user u left join agency a on a.id = u.agency_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    UserAccounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<CanopyUser> principal(String username) {
        return jdbc.sql(SELECT_PRINCIPAL + " where u.username = ?").param(username)
                .query((rs, n) -> {
                    // Never locked as an account: repeated failures slow the address they come from (signin.SignInThrottle).
                    boolean locked = false;
                    long agencyId = rs.getLong("agency_id");
                    return new CanopyUser(rs.getLong("id"), rs.getLong("partnership_id"), rs.getString("username"),
                            rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                            rs.wasNull() ? null : agencyId, rs.getString("agency_name"), rs.getBoolean("enabled"),
                            locked, rs.getString("password_hash"));
                }).optional();
    }

    Optional<CanopyUser> principal(long id) {
        return jdbc.sql("select username from canopy_user where id = ?").param(id).query(String.class).optional()
                .flatMap(this::principal);
    }

    @Override
    public List<PersonSummary> inPartnership(long partnershipId) {
        return jdbc.sql(SELECT_SUMMARY + " where u.partnership_id = ? order by lower(u.display_name)")
                .param(partnershipId).query(UserAccounts::summary).list();
    }

    @Override
    public List<PersonSummary> byIds(long partnershipId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT_SUMMARY + " where u.partnership_id = :p and u.id in (:ids) order by lower(u.display_name)")
                .param("p", partnershipId).param("ids", ids).query(UserAccounts::summary).list();
    }

    @Override
    public Optional<PersonSummary> byUsername(long partnershipId, String username) {
        return jdbc.sql(SELECT_SUMMARY + " where u.partnership_id = ? and u.username = ?")
                .params(partnershipId, username).query(UserAccounts::summary).optional();
    }

    Optional<PersonSummary> byId(long partnershipId, long id) {
        return jdbc.sql(SELECT_SUMMARY + " where u.partnership_id = ? and u.id = ?")
                .params(partnershipId, id).query(UserAccounts::summary).optional();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from canopy_user where username = ?").param(username)
                .query(Integer.class).single() > 0;
    }

    public long create(long partnershipId, String username, String displayName, String email, String passwordHash,
            Role role, Long agencyId) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into canopy_user (partnership_id, username, display_name, email, password_hash, role, agency_id)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(partnershipId, username, displayName, email, passwordHash, role.name(), agencyId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Whether the account may still be used: it exists and is enabled. Asked on every signed-in request, from the stored
     * row, so disabling an account ends its open sessions at once on every node (one read by primary key).
     */
    public boolean stillEnabled(long id) {
        return jdbc.sql("select enabled from canopy_user where id = ?").param(id).query(Boolean.class).optional().orElse(false);
    }

    void setEnabled(long partnershipId, long id, boolean enabled) {
        jdbc.sql("update canopy_user set enabled = ?, version = version + 1 where id = ? and partnership_id = ?")
                .params(enabled, id, partnershipId).update();
    }

    /** Replaces the person's password hash (the caller has checked the password against the policy). */
    public void setPasswordHash(long partnershipId, long id, String passwordHash) {
        jdbc.sql("update canopy_user set password_hash = ?, version = version + 1 where id = ? and partnership_id = ?")
                .params(passwordHash, id, partnershipId).update();
    }

    /** Records when the person last signed in. */
    public void recordSuccess(String username) {
        jdbc.sql("update canopy_user set last_signed_in = ? where username = ?")
                .params(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), username).update();
    }

    private static PersonSummary summary(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new PersonSummary(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getString("agency_name"), rs.getString("email"),
                rs.getBoolean("enabled"));
    }
}
