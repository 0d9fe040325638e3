package org.canopy.plan.updates;

/** An update as submitted through a page or the API, not yet validated. */
public record UpdateInput(String period, String rag, String narrative, String correctiveStep, String evidenceUrl) {
}
