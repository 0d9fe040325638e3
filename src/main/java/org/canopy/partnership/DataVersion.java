package org.canopy.partnership;

/**
 * The partnership's data version: moved on by every change in any module ({@link RecordChanged}), in the
 * changing transaction. What is built only from the partnership's data (a chart, a dashboard) is the same for
 * the same version, so it can be cached against it and a browser's copy revalidated with it. Read from the
 * database on every use, so a node never serves what another node's write has changed.
 */
public interface DataVersion {

    /** The partnership's current version. */
    long current(long partnershipId);

    /** A version of every partnership's data at once (for signed-out pages, which name their partnership in the query). */
    long everyPartnership();
}
