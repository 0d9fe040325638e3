package org.canopy.scrutiny.plan;

/** What kind of scrutiny an activity is. */
public enum ActivityKind {
    PEER_REVIEW("Peer review"),
    AUDIT_OBSERVATION("Audit observation"),
    MEETING_ATTENDANCE("Meeting attendance"),
    CASE_REVIEW("Case review"),
    REPORT_EVALUATION("Report evaluation"),
    OTHER("Other");

    private final String label;

    ActivityKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
