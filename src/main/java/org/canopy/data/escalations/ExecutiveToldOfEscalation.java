package org.canopy.data.escalations;

import org.canopy.data.EscalationRaised;
import org.canopy.partnership.Outbox;
import org.canopy.partnership.People;
import org.canopy.partnership.Role;
import org.canopy.web.NotFound;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the executive's members that a figure was escalated to them, once the escalation is stored; the event
 * registry keeps the task until the message is in the outbox, so a failure or a restart does not lose it. The reason is
 * read in Canopy, not in the email, which leaves Canopy's rules on who reads what.
 */
@Component
class ExecutiveToldOfEscalation {

    private final Escalations escalations;
    private final People people;
    private final Outbox outbox;

    ExecutiveToldOfEscalation(Escalations escalations, People people, Outbox outbox) {
        this.escalations = escalations;
        this.people = people;
        this.outbox = outbox;
    }

    @ApplicationModuleListener
    void on(EscalationRaised raised) {
        try {
            escalations.escalation(raised.partnershipId(), raised.escalationId());
        } catch (NotFound removed) {
            return; // removed before the message went: nothing left to tell
        }
        var executive = people.enabledWithRole(raised.partnershipId(), Role.EXECUTIVE);
        if (executive.isEmpty()) {
            return;
        }
        outbox.send(raised.partnershipId(), raised.raisedBy(), executive,
                raised.indicatorName() + " (" + raised.period() + ") was escalated to the executive",
                "The quality assurance group escalated " + raised.indicatorName() + " for " + raised.period()
                        + " to the executive. Read their reason, and record the executive's decision and its actions, in Canopy: "
                        + "/data/escalations/" + raised.escalationId());
    }
}
