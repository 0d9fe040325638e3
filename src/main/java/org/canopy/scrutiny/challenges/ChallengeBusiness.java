package org.canopy.scrutiny.challenges;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.canopy.governance.BusinessEntry;
import org.canopy.governance.GroupBusiness;
import org.canopy.governance.GroupFunction;
import org.canopy.governance.GroupSummary;
import org.springframework.stereotype.Component;

/**
 * Challenges on the groups' pages and agendas: the challenged group sees those awaiting its answer (on its next
 * agenda); the Executive sees every current challenge with its status, an overdue response on its agenda. A challenge to
 * a group is that group's records (a challenge to the panel is read only by the panel's readers); one to an agency is
 * the listing group's.
 */
@Component
class ChallengeBusiness implements GroupBusiness {

    static final String KIND = "CHALLENGE";

    private final Challenges challenges;

    ChallengeBusiness(Challenges challenges) {
        this.challenges = challenges;
    }

    @Override
    public List<BusinessEntry> businessOf(long partnershipId, GroupSummary group, LocalDate day) {
        var entries = new ArrayList<BusinessEntry>();
        var all = challenges.all(partnershipId);
        for (var c : all) {
            var status = c.status(day);
            if (Long.valueOf(group.id()).equals(c.toGroupId()) && status.awaitsAnswer()) {
                entries.add(new BusinessEntry(KIND, "Challenges", c.text(), "Response due " + c.responseDue(), href(c), status.label(), true, group.id()));
            }
        }
        if (group.function() == GroupFunction.EXECUTIVE) {
            for (var c : all) {
                var status = c.status(day);
                if (status != ChallengeStatus.CLOSED) {
                    entries.add(new BusinessEntry(KIND, "Challenges from scrutiny", "To " + c.toName() + ": " + c.text(),
                            "Response due " + c.responseDue(), href(c), status.label(), status == ChallengeStatus.OVERDUE,
                            c.toGroupId() == null ? group.id() : c.toGroupId()));
                }
            }
        }
        return entries;
    }

    private static String href(Challenge c) {
        return "/scrutiny/challenges/" + c.id();
    }
}
