package org.canopy.privacy;

/** A kind of identifier that would identify a child or family, with how people call it in a sentence. */
public enum IdentifierKind {
    NHS_NUMBER("an NHS number"),
    UNIQUE_PUPIL_NUMBER("a unique pupil number"),
    POSTCODE("a postcode"),
    DATE_OF_BIRTH("a date of birth"),
    PHONE_NUMBER("a phone number"),
    EMAIL_ADDRESS("an email address"),
    /** A person's name next to something that says they are a child: an age, a school, a family relation, a birth. */
    CHILD_NAME("a child's name");

    private final String label;

    IdentifierKind(String label) {
        this.label = label;
    }

    /** The kind as it reads in a sentence, with its article: "an NHS number". */
    public String label() {
        return label;
    }
}
