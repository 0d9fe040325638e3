package org.canopy.partnership.signin;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The failed sign-ins table ({@code sign_in_failure}), written and read only here, for {@link SignInThrottle}. */
@Repository
class SignInFailures {

    /** How many failures match, and when the latest was (null when none). */
    record Count(int failures, Instant latest) {
    }

    private final JdbcClient jdbc;

    SignInFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a try as failed and returns its row, to be removed again if the password turns out right. */
    long record(String address, String usernameDigest, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into sign_in_failure (client_address, username_digest, failed_at) values (?, ?, ?)")
                .params(address, usernameDigest, utc(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    void remove(long id) {
        jdbc.sql("delete from sign_in_failure where id = ?").param(id).update();
    }

    /** The address's failures since {@code since}, whatever name was typed, leaving out the try {@code except}. */
    Count fromAddress(String address, Instant since, long except) {
        return jdbc.sql("""
                select count(*), max(failed_at) from sign_in_failure
                where client_address = ? and failed_at >= ? and id <> ?""")
                .params(address, utc(since), except).query(SignInFailures::count).single();
    }

    /** The failures with this name from this address since {@code since}, leaving out the try {@code except}. */
    Count forNameFromAddress(String address, String usernameDigest, Instant since, long except) {
        return jdbc.sql("""
                select count(*), max(failed_at) from sign_in_failure
                where client_address = ? and username_digest = ? and failed_at >= ? and id <> ?""")
                .params(address, usernameDigest, utc(since), except).query(SignInFailures::count).single();
    }

    /** A right password from an address forgets that name's failures there (never the address's own count). */
    void clearName(String address, String usernameDigest) {
        jdbc.sql("delete from sign_in_failure where client_address = ? and username_digest = ?")
                .params(address, usernameDigest).update();
    }

    void forgetBefore(Instant before) {
        jdbc.sql("delete from sign_in_failure where failed_at < ?").param(utc(before)).update();
    }

    private static Count count(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        var latest = rs.getTimestamp(2);
        return new Count(rs.getInt(1), latest == null ? null : latest.toLocalDateTime().toInstant(ZoneOffset.UTC));
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
