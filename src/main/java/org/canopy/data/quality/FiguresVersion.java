package org.canopy.data.quality;

import java.util.Set;
import org.canopy.data.FiguresAccepted;
import org.canopy.data.checks.RateConsistency;
import org.canopy.data.observations.DataStore;
import org.canopy.partnership.RecordChanged;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The version of a partnership's figures, catalogue and areas as the rate checks read them. Moved on inside the
 * changing transaction (plain listeners), by figures of the indicators the checks compare (stored whichever way
 * they came) and by changes to indicators or areas, so a reader who sees a change sees the new version, on any node. A plan update or a review does not
 * move it, so the checks' findings outlive those.
 */
@Component
class FiguresVersion {

    /** Changes that alter what the rate checks find besides figures: the catalogue, an indicator, the areas. */
    private static final Set<String> CHECKED_RECORDS = Set.of("indicator-catalogue", "indicator", "data-area", "observation");

    private final JdbcClient jdbc;
    private final DataStore store;

    FiguresVersion(JdbcClient jdbc, DataStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** Figures move the version only when the rate checks read them: a rate, its count or its population. */
    @EventListener
    void on(FiguresAccepted figures) {
        var checked = RateConsistency.relatedCodes(store.indicators(figures.partnershipId()));
        if (figures.indicatorCodes().stream().anyMatch(checked::contains)) {
            moveOn(figures.partnershipId());
        }
    }

    @EventListener
    void on(RecordChanged change) {
        if (CHECKED_RECORDS.contains(change.recordType())) {
            moveOn(change.partnershipId());
        }
    }

    /** The partnership's current version (0 before its first change). */
    long current(long partnershipId) {
        return jdbc.sql("select version from data_figures_version where partnership_id = ?").param(partnershipId)
                .query(Long.class).optional().orElse(0L);
    }

    private void moveOn(long partnershipId) {
        if (jdbc.sql("update data_figures_version set version = version + 1 where partnership_id = ?").param(partnershipId).update() == 0) {
            try {
                jdbc.sql("insert into data_figures_version (partnership_id, version) values (?, 1)").param(partnershipId).update();
            } catch (DuplicateKeyException startedMeanwhile) {
                jdbc.sql("update data_figures_version set version = version + 1 where partnership_id = ?").param(partnershipId).update();
            }
        }
    }
}
