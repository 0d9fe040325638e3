package org.canopy.partnership;

/**
 * Published by every module whenever it changes a record, inside the same transaction, so that the
 * audit history holds who changed what, when, and the record before and after.
 *
 * @param before the record's state before the change (null when created)
 * @param after  the record's state after the change (null when removed)
 */
public record RecordChanged(long partnershipId, String actor, String recordType, String recordId,
        String action, String summary, Object before, Object after) {

    /** A change made by a signed-in person. */
    public static RecordChanged by(CanopyUser actor, String recordType, Object recordId, String action,
            String summary, Object before, Object after) {
        return new RecordChanged(actor.partnershipId(), actor.getUsername(), recordType,
                String.valueOf(recordId), action, summary, before, after);
    }
}
