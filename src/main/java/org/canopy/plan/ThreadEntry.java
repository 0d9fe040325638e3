package org.canopy.plan;

/**
 * One thing another module holds that bears on a plan priority, or that a priority-setting round may cite as evidence.
 *
 * @param strand the strand of the golden thread it belongs to
 * @param kind what it is, in the owning module's words, upper case (FEEDBACK_THEME, FEEDBACK, RESPONSE, INDICATOR, AUDIT,
 *        REVIEW, RECOMMENDATION, CHALLENGE, YOUNG_SCRUTINEER)
 * @param ref the record's id in its module, as text, so that a round can store and find it again
 * @param title what a person reads as the link text
 * @param detail a line more (a signal, a count, who said it), or null
 * @param href the page that shows it in Canopy, or null
 * @param status its state in the owning module's words (Open, Done, Rising above the upper limit), or null
 */
public record ThreadEntry(ThreadStrand strand, String kind, String ref, String title, String detail, String href, String status) {
}
