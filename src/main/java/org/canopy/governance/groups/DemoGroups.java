package org.canopy.governance.groups;

import org.canopy.governance.GroupFunction;
import org.canopy.governance.GroupType;
import org.canopy.governance.MemberRole;
import org.canopy.governance.demo.DemoPart;
import org.canopy.partnership.People;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo mode: the annual report's partnership structure (executive, sub-group, panel, priority groups) and their functions. */
@Component
@Order(10)
class DemoGroups implements DemoPart {

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
        var quality = groups.findOrCreate(p, ACTOR, "Quality Assurance and Performance Group", GroupType.SUB_GROUP,
                GroupFunction.QUALITY_ASSURANCE);
        groups.findOrCreate(p, ACTOR, "Rapid Review Panel", GroupType.PANEL, GroupFunction.RAPID_REVIEW_PANEL);
        groups.findOrCreate(p, ACTOR, "Domestic Abuse and the Impact on Children and Young People", GroupType.PRIORITY_GROUP);
        groups.findOrCreate(p, ACTOR, "Staying Safe Online", GroupType.PRIORITY_GROUP);
        groups.findOrCreate(p, ACTOR, "All Age Exploitation (joint with the Safeguarding Adults Board)", GroupType.PRIORITY_GROUP);
        // The lead partners rotate chairing the executive, so each of them chairs it; the demo's group chair account
        // runs the quality assurance group (the seed's interim chair, the scrutineer, writes only in scrutiny).
        people.byUsername(p, "executive").ifPresent(u -> groups.addMember(p, ACTOR, executive.id(), u.id(), MemberRole.CHAIR));
        people.byUsername(p, "chair").ifPresent(u -> groups.addMember(p, ACTOR, quality.id(), u.id(), MemberRole.CHAIR));
    }
}
