package org.canopy.voice.tell;

import java.time.LocalDateTime;
import org.canopy.voice.feedback.AgeBand;

/**
 * A message from the tell us page as kept: the child's words (free of identifiers), an age band, the topic they chose
 * (a priority) if any, when it came, whether its words suggest danger now, and what the coordinator did with it.
 */
record PublicMessage(long id, long partnershipId, String reference, String words, AgeBand ageBand, Long priorityId,
        LocalDateTime receivedAt, boolean needsHelpToday, MessageStatus status, Long feedbackId, String seenBy,
        LocalDateTime seenAt, String handledBy, LocalDateTime handledAt, int version) {

    /** Whether the coordinator should look at it today: danger words, and nobody has looked yet. */
    public boolean lookAtToday() {
        return needsHelpToday && status == MessageStatus.NEW;
    }

    /** The first words, for the list: at most about 120 characters, cut at a space. */
    public String opening() {
        if (words.length() <= 120) {
            return words;
        }
        int cut = words.lastIndexOf(' ', 120);
        return words.substring(0, cut < 60 ? 120 : cut) + "…";
    }
}
