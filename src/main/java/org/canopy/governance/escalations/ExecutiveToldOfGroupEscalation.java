package org.canopy.governance.escalations;

import org.canopy.governance.EscalationKind;
import org.canopy.partnership.Outbox;
import org.canopy.partnership.People;
import org.canopy.partnership.Role;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the executive's members by message that a group escalated to them, once the escalation is stored; the event
 * registry keeps the task until the message is in the outbox. Figures are told by the data dashboard, in its words.
 * The message says only which group escalated and where to read it: an email leaves Canopy's rules on who reads what
 * (it is forwarded, kept in mailboxes), so the subject and reason are read in Canopy, where the raising group's rule holds.
 */
@Component
class ExecutiveToldOfGroupEscalation {

    /** An escalation was raised and stored. */
    record Raised(long partnershipId, long escalationId, EscalationKind kind, String fromGroup, String raisedBy) {
    }

    private final People people;
    private final Outbox outbox;

    ExecutiveToldOfGroupEscalation(People people, Outbox outbox) {
        this.people = people;
        this.outbox = outbox;
    }

    @ApplicationModuleListener
    void on(Raised raised) {
        if (raised.kind() == EscalationKind.FIGURES) {
            return;
        }
        var executive = people.enabledWithRole(raised.partnershipId(), Role.EXECUTIVE);
        if (executive.isEmpty()) {
            return;
        }
        outbox.send(raised.partnershipId(), raised.raisedBy(), executive,
                raised.fromGroup() + " escalated an item to the Executive",
                raised.fromGroup() + " escalated an item to the Executive. Read it, and record the Executive's decision and"
                        + " its actions, in Canopy: /governance/escalations/" + raised.escalationId());
    }
}
