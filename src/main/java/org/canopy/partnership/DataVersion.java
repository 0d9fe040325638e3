package org.canopy.partnership;

/**
 * The partnership's data version: moved on by every change in any module ({@link RecordChanged}), in the
 * changing transaction. What is built only from the partnership's data (a chart, a dashboard) is the same for
 * the same version, so it can be cached against it and a browser's copy revalidated with it.
 */
public interface DataVersion {

    /** The partnership's current version, read from the database (so every node agrees). */
    long current(long partnershipId);
}
