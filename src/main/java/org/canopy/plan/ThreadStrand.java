package org.canopy.plan;

/** The strands of a priority's golden thread, in the order the thread page shows them. */
public enum ThreadStrand {
    CHILDREN_VOICE("What children, young people and partners told us"),
    RESPONSES("You said, we did"),
    INDICATORS("Indicators and their signals"),
    LEARNING("Reviews, audits and recommendations"),
    SCRUTINY("Scrutiny and challenge"),
    YOUNG_SCRUTINEER("Young scrutineer");

    private final String label;

    ThreadStrand(String label) {
        this.label = label;
    }

    /** The strand's heading as people read it. */
    public String label() {
        return label;
    }
}
