package org.canopy.voice.feedback;

/** Who something came from, by kind only: never a name. */
public enum Speaker {
    CHILD_OR_YOUNG_PERSON("Children and young people"),
    PARENT_OR_CARER("Parents and carers"),
    FAMILY("Families"),
    PARTNER("Partners"),
    OTHER("Others");

    private final String label;

    Speaker(String label) {
        this.label = label;
    }

    /** The kind as people read it. */
    public String label() {
        return label;
    }
}
