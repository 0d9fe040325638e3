package org.canopy.learning.deadlines;

import java.util.List;

/** Something in the learning module that has dates to meet: each source lists its own, open and met. */
public interface DeadlineSource {

    /** Every deadline of the partnership's records of this kind. */
    List<Deadline> deadlines(long partnershipId);
}
