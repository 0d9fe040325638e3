package org.canopy.demo;

/** Published at the end of the demo transaction, once every module's demo records are in place. */
public record DemoLoaded(long partnershipId) {
}
