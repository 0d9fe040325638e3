package org.canopy.governance.actions;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.canopy.governance.BusinessEntry;
import org.canopy.governance.GroupBusiness;
import org.canopy.governance.GroupSummary;
import org.canopy.partnership.People;
import org.canopy.partnership.PersonSummary;
import org.canopy.web.Dates;
import org.springframework.stereotype.Component;

/** A group's open actions on its page and, carried forward by themselves, on its next agenda. */
@Component
class OpenActions implements GroupBusiness {

    static final String KIND = "CARRIED_FORWARD_ACTION";

    private final ActionList actions;
    private final People people;
    private final Dates dates;

    OpenActions(ActionList actions, People people, Dates dates) {
        this.actions = actions;
        this.people = people;
        this.dates = dates;
    }

    @Override
    public List<BusinessEntry> businessOf(long partnershipId, GroupSummary group, LocalDate day) {
        var open = actions.openOf(partnershipId, group.id());
        if (open.isEmpty()) {
            return List.of();
        }
        Map<Long, String> owners = people.byIds(partnershipId, open.stream().map(ActionList.Action::ownerUserId).toList()).stream()
                .collect(Collectors.toMap(PersonSummary::id, PersonSummary::displayName));
        return open.stream().map(a -> new BusinessEntry(KIND, "Open actions", a.text(),
                "Owner " + owners.getOrDefault(a.ownerUserId(), "not known") + ", due " + dates.date(a.dueOn()),
                "/groups/" + group.id() + "/actions", a.overdueOn(day) ? "Overdue" : a.status().label(), true, group.id())).toList();
    }
}
