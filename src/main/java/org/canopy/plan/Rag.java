package org.canopy.plan;

import java.util.Collection;
import org.canopy.web.StatusTag;

/** The status of an action's update, and of a priority, section or plan rolled up from them. */
public enum Rag implements StatusTag {
    RED("Red: off track", "govuk-tag--red"),
    AMBER("Amber: at risk", "govuk-tag--orange"),
    GREEN("Green: on track", "govuk-tag--green"),
    COMPLETE("Complete", "govuk-tag--blue");

    /** The roll-up rule, as the pages state it. */
    public static final String ROLL_UP_RULE = "A priority takes the worst status among its actions' latest updates: "
            + "red if any action is red, otherwise amber if any is amber, otherwise green. It is complete only when "
            + "every one of its actions is complete. Actions with no update yet are left out; with no update at all "
            + "the status is 'No update'. Sections roll up from their priorities, and the plan from its sections, "
            + "by the same rule.";

    private final Tag tag;

    Rag(String label, String tagClass) {
        tag = new Tag(label, tagClass);
    }

    /** The status's words and GOV.UK tag colour. */
    @Override
    public Tag tag() {
        return tag;
    }

    /**
     * Rolls statuses up by {@link #ROLL_UP_RULE}: {@code statuses} holds one entry per child, null for a
     * child with no update; the result is null when no child has one.
     */
    public static Rag rollUp(Collection<Rag> statuses) {
        boolean any = false;
        boolean allComplete = true;
        Rag worst = null;
        for (Rag status : statuses) {
            if (status == null) {
                allComplete = false;
                continue;
            }
            any = true;
            if (status != COMPLETE) {
                allComplete = false;
                if (worst == null || status.ordinal() < worst.ordinal()) {
                    worst = status;
                }
            }
        }
        if (!any) {
            return null;
        }
        if (allComplete) {
            return COMPLETE;
        }
        return worst == null ? GREEN : worst;
    }
}
