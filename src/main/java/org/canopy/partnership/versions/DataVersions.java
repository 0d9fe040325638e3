package org.canopy.partnership.versions;

import org.canopy.partnership.DataVersion;
import org.canopy.partnership.RecordChanged;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves the partnership's data version on with every change. A plain listener, so it runs inside the changing
 * transaction: the change and the new version commit together, and a reader who sees the change sees the version.
 * Changes in one partnership take the version row's lock in turn until they commit, which orders them.
 */
@Component
class DataVersions implements DataVersion {

    private final JdbcClient jdbc;

    DataVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(RecordChanged change) {
        if (bump(change.partnershipId()) == 0) {
            // A partnership made before versions existed, or by hand: its first change starts its version.
            try {
                jdbc.sql("insert into data_version (partnership_id, version) values (?, 1)").param(change.partnershipId()).update();
            } catch (DuplicateKeyException startedMeanwhile) {
                bump(change.partnershipId());
            }
        }
    }

    private int bump(long partnershipId) {
        return jdbc.sql("update data_version set version = version + 1 where partnership_id = ?").param(partnershipId).update();
    }

    @Override
    public long current(long partnershipId) {
        return jdbc.sql("select version from data_version where partnership_id = ?").param(partnershipId)
                .query(Long.class).optional().orElse(0L);
    }

    /** The sum of the versions: each only ever grows, so the sum moves on with any partnership's change. */
    @Override
    public long everyPartnership() {
        return jdbc.sql("select coalesce(sum(version), 0) from data_version").query(Long.class).single();
    }
}
