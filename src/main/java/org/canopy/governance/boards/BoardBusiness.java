package org.canopy.governance.boards;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.canopy.governance.BusinessEntry;
import org.canopy.governance.GroupBusiness;
import org.canopy.governance.GroupSummary;
import org.springframework.stereotype.Component;

/**
 * What the linked boards bring to a group holding a priority jointly with one: the board it shares the priority with,
 * and each item referred to or from that board still awaiting its outcome, for the group's next agenda.
 */
@Component
class BoardBusiness implements GroupBusiness {

    static final String SECTION = "Linked boards";

    private final LinkedBoards boards;

    BoardBusiness(LinkedBoards boards) {
        this.boards = boards;
    }

    @Override
    public List<BusinessEntry> businessOf(long partnershipId, GroupSummary group, LocalDate day) {
        var entries = new ArrayList<BusinessEntry>();
        for (var board : boards.boardsSharing(partnershipId, group.id())) {
            String href = "/governance/boards/" + board.id();
            entries.add(new BusinessEntry("JOINT_PRIORITY", SECTION, "Priority held jointly with the " + board.name(), null,
                    href, null, false, group.id()));
            boards.referrals(partnershipId, board.id()).stream().filter(r -> r.outcome() == null && !r.referredOn().isAfter(day))
                    .forEach(r -> entries.add(new BusinessEntry("BOARD_REFERRAL", SECTION,
                            r.direction().label().replace("the board", "the " + board.name()) + ": " + r.subject(),
                            "Referred on " + r.referredOn(), href, "Awaiting outcome", true, group.id())));
        }
        return entries;
    }
}
