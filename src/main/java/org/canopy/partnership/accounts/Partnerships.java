package org.canopy.partnership.accounts;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The partnerships (tenants) Canopy serves. */
@Repository
public class Partnerships {

    private final JdbcClient jdbc;

    Partnerships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("select count(*) from partnership").query(Long.class).single();
    }

    public Optional<Long> idByName(String name) {
        return jdbc.sql("select id from partnership where name = ?").param(name).query(Long.class).optional();
    }

    public String name(long id) {
        return jdbc.sql("select name from partnership where id = ?").param(id).query(String.class).single();
    }

    public long create(String name, String area) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into partnership (name, area) values (?, ?)").params(name, area).update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("insert into data_version (partnership_id, version) values (?, 0)").param(id).update();
        return id;
    }
}
