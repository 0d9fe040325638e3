package org.canopy.partnership;

import java.util.Collection;

/** Emails to people of the partnership: every message is kept in the outbox, and sent when mail is configured. */
public interface Outbox {

    /** Sends one message to each named person of the partnership; returns how many were addressed. */
    int send(long partnershipId, String actor, Collection<Long> recipientIds, String subject, String body);
}
