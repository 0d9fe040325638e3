package org.canopy.governance.groups;

import org.canopy.governance.GovernanceDemo;
import org.canopy.governance.GroupFunction;
import org.canopy.governance.GroupType;
import org.canopy.partnership.People;
import org.springframework.stereotype.Component;

/** Demo mode: the annual report's partnership structure (executive, sub-group, panel, priority groups) and their functions. */
@Component
class DemoGroups implements GovernanceDemo {

    static final String ACTOR = "demo";

    private final GroupRegistry groups;
    private final People people;

    DemoGroups(GroupRegistry groups, People people) {
        this.groups = groups;
        this.people = people;
    }

    @Override
    public void load(long p) {
        var executive = groups.findOrCreate(p, ACTOR, "Executive Group", GroupType.EXECUTIVE, GroupFunction.EXECUTIVE);
        groups.findOrCreate(p, ACTOR, "Quality Assurance and Performance Group", GroupType.SUB_GROUP,
                GroupFunction.QUALITY_ASSURANCE);
        groups.findOrCreate(p, ACTOR, "Rapid Review Panel", GroupType.PANEL, GroupFunction.RAPID_REVIEW_PANEL);
        groups.findOrCreate(p, ACTOR, "Domestic Abuse and the Impact on Children and Young People", GroupType.PRIORITY_GROUP);
        groups.findOrCreate(p, ACTOR, "Staying Safe Online", GroupType.PRIORITY_GROUP);
        groups.findOrCreate(p, ACTOR, "All Age Exploitation (joint with the Safeguarding Adults Board)", GroupType.PRIORITY_GROUP);
        people.byUsername(p, "executive").ifPresent(u -> groups.addMember(p, ACTOR, executive.id(), u.id()));
    }
}
