package org.canopy.governance.demo;

/**
 * One feature's part of the governance demo (groups, arrangements, linked boards, meetings), loaded in the order of
 * {@link org.springframework.core.annotation.Order} on the implementing bean: groups first, as the rest refer to them.
 */
public interface DemoPart {

    /** Adds this part's demo records to the new demo partnership. */
    void load(long partnershipId);
}
