package org.canopy.web;

/**
 * A status shown as a GOV.UK tag (rendered by {@code fragments/forms :: status(s)}): the words and the tag's colour.
 * A status enum holds one {@link Tag} per constant and answers {@link #tag()}; the label and class follow from it.
 */
public interface StatusTag {

    /** The words and GOV.UK tag class of one status, e.g. {@code new Tag("Accepted", "govuk-tag--green")}. */
    record Tag(String label, String tagClass) {
    }

    /** How this status reads and looks. */
    Tag tag();

    /** The status as shown to people. */
    default String label() {
        return tag().label();
    }

    /** The GOV.UK tag colour class for this status, e.g. {@code govuk-tag--green}. */
    default String tagClass() {
        return tag().tagClass();
    }
}
