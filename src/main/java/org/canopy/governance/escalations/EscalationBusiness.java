package org.canopy.governance.escalations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.canopy.governance.BusinessEntry;
import org.canopy.governance.EscalationStatus;
import org.canopy.governance.GroupBusiness;
import org.canopy.governance.GroupFunction;
import org.canopy.governance.GroupSummary;
import org.springframework.stereotype.Component;

/**
 * Escalations as a group's business: the executive's open escalations are on its next agenda (decided ones listed until
 * closed); the raising group's decided escalations come back to its agenda as outcomes until closed. Each entry is the
 * raising group's records, so a panel's escalation is read on the Executive's pages only by the panel's readers.
 */
@Component
class EscalationBusiness implements GroupBusiness {

    static final String TO_EXECUTIVE = "Escalations to the Executive";
    static final String OUTCOMES = "Escalation outcomes";

    private final EscalationRegister register;

    EscalationBusiness(EscalationRegister register) {
        this.register = register;
    }

    @Override
    public List<BusinessEntry> businessOf(long partnershipId, GroupSummary group, LocalDate day) {
        var entries = new ArrayList<BusinessEntry>();
        boolean executive = group.function() == GroupFunction.EXECUTIVE;
        for (var e : register.all(partnershipId)) {
            String href = "/governance/escalations/" + e.id();
            if (executive && e.status() != EscalationStatus.CLOSED) {
                entries.add(new BusinessEntry("ESCALATION", TO_EXECUTIVE, e.subject() + " (from " + e.fromGroupName() + ")",
                        e.status() == EscalationStatus.OPEN ? e.reason() : e.decision(), href, e.status().label(),
                        e.status() == EscalationStatus.OPEN, e.fromGroupId()));
            } else if (!executive && e.fromGroupId() == group.id()) {
                if (e.status() == EscalationStatus.DECIDED) {
                    entries.add(new BusinessEntry("ESCALATION_OUTCOME", OUTCOMES, e.subject() + ": the executive decided "
                            + e.decision(), e.decisionActions(), href, e.status().label(), true, e.fromGroupId()));
                } else if (e.status() == EscalationStatus.OPEN) {
                    entries.add(new BusinessEntry("ESCALATION", TO_EXECUTIVE, e.subject(), e.reason(), href,
                            e.status().label(), false, e.fromGroupId()));
                }
            }
        }
        return entries;
    }
}
