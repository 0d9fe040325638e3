package org.canopy.partnership;

/** Published once, inside the demo start-up transaction, after the demo partnership and its accounts exist. */
public record DemoPartnershipCreated(long partnershipId) {
}
