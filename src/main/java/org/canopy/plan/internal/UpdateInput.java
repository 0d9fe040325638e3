package org.canopy.plan.internal;

/** An update as submitted through a page or the API, not yet validated. */
record UpdateInput(String period, String rag, String narrative, String correctiveStep, String evidenceUrl) {
}
