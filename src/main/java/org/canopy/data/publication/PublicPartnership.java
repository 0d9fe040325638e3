package org.canopy.data.publication;

import java.util.List;
import org.canopy.web.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which partnership a public (signed-out) request is about: the one named, or the only one there is.
 * Reads the partnership table's ids only, as every module may.
 */
@Component
public class PublicPartnership {

    private final JdbcClient jdbc;

    PublicPartnership(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long resolve(Long requested) {
        List<Long> ids = jdbc.sql("select distinct partnership_id from indicator order by partnership_id")
                .query(Long.class).list();
        if (requested != null && ids.contains(requested)) {
            return requested;
        }
        if (requested == null && ids.size() == 1) {
            return ids.get(0);
        }
        throw new InvalidInput("partnership", "Name the partnership: ?partnership= one of " + ids);
    }
}
