package org.canopy.partnership.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.canopy.partnership.CanopyUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * API tokens issued by an administrator. Only a SHA-256 hash is stored: the token itself is shown
 * once, when it is issued. Tokens are 256 random bits, so a fast hash is enough (no brute force).
 */
@Service
public class ApiTokens {

    static final String PREFIX = "canopy_";

    /** A token as listed to administrators: never the token itself. */
    record TokenSummary(long id, String name, String prefix, String username, LocalDateTime createdAt,
            String createdBy, LocalDateTime lastUsedAt, LocalDateTime revokedAt) {
    }

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, UserAccounts users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    /** Issues a token for a user of the same partnership and returns it: the only time it is seen. */
    IssuedToken issue(CanopyUser admin, long userId, String name) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into api_token (partnership_id, user_id, name, token_hash, token_prefix, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(admin.partnershipId(), userId, name, hash(token), token.substring(0, PREFIX.length() + 4),
                        LocalDateTime.now(clock), admin.getUsername())
                .update(keys, "id");
        return new IssuedToken(keys.getKey().longValue(), token);
    }

    record IssuedToken(long id, String token) {
    }

    List<TokenSummary> list(long partnershipId) {
        return jdbc.sql("""
                select t.id, t.name, t.token_prefix, u.username, t.created_at, t.created_by, t.last_used_at, t.revoked_at
                from api_token t join canopy_user u on u.id = t.user_id
                where t.partnership_id = ? order by t.created_at desc""")
                .param(partnershipId)
                .query((rs, n) -> new TokenSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDateTime.class), rs.getString(6), rs.getObject(7, LocalDateTime.class),
                        rs.getObject(8, LocalDateTime.class)))
                .list();
    }

    boolean revoke(long partnershipId, long id) {
        return jdbc.sql("update api_token set revoked_at = ? where id = ? and partnership_id = ? and revoked_at is null")
                .params(LocalDateTime.now(clock), id, partnershipId).update() == 1;
    }

    /** The user a presented token stands for, if it is known, not revoked and its user may still sign in. */
    public Optional<CanopyUser> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = hash(token);
        Optional<Long> userId = jdbc.sql("select user_id from api_token where token_hash = ? and revoked_at is null")
                .param(hash).query(Long.class).optional();
        userId.ifPresent(id -> jdbc.sql("update api_token set last_used_at = ? where token_hash = ?")
                .params(LocalDateTime.now(clock), hash).update());
        return userId.flatMap(users::principal).filter(u -> u.isEnabled() && u.isAccountNonLocked());
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
