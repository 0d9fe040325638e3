package org.canopy.governance;

/**
 * One piece of a group's business that a module brings to the group's page and, when {@code forAgenda}, to its next
 * meeting's agenda by itself: an open action carried forward, an escalation awaiting the executive or its outcome, a
 * challenge awaiting an answer, a risk over tolerance.
 *
 * @param kind      what it is, in words and for the API (for example {@code CARRIED_FORWARD_ACTION}, {@code ESCALATION},
 *                  {@code ESCALATION_OUTCOME}, {@code CHALLENGE})
 * @param section   the heading it is listed under on the group's page ("Open actions", "Escalations", "Challenges")
 * @param title     what it says, one line
 * @param detail    more, or null
 * @param href      where it is kept in Canopy, or null
 * @param status    its status as shown to people, or null
 * @param forAgenda whether it belongs on the group's next agenda
 * @param recordsOf the group whose records it is (a panel's escalation stays the panel's on the Executive's agenda): it is
 *                  shown, wherever it is listed, only to those who read that group's records ({@link Groups#readable})
 */
public record BusinessEntry(String kind, String section, String title, String detail, String href, String status,
        boolean forAgenda, long recordsOf) {
}
