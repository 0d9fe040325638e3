package org.canopy.governance.groups;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.canopy.governance.MemberRole;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.People;
import org.canopy.partnership.PersonSummary;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The groups part of API.md's governance section: the groups the caller may read, with their members. */
@RestController
@RequestMapping("/api/v1")
class GroupsApiController {

    record MemberJson(String name, Long agencyId, String roleInGroup) {
    }

    record GroupJson(long id, String name, String function, String chair, List<MemberJson> members) {
    }

    private final GroupRegistry groups;
    private final People people;
    private final AgencyDirectory agencies;

    GroupsApiController(GroupRegistry groups, People people, AgencyDirectory agencies) {
        this.groups = groups;
        this.people = people;
        this.agencies = agencies;
    }

    @GetMapping("/groups")
    List<GroupJson> groups(@AuthenticationPrincipal CanopyUser user) {
        long p = user.partnershipId();
        // People carry their agency's name; names are unique in a partnership, so the name finds the id.
        var agencyIds = new HashMap<String, Long>();
        agencies.agencies(p).forEach(a -> agencyIds.put(a.name(), a.id()));
        Map<Long, PersonSummary> everyone = people.inPartnership(p).stream()
                .collect(Collectors.toMap(PersonSummary::id, x -> x));
        return groups.all(p).stream().filter(g -> groups.mayRead(user, g.id())).map(g -> {
            var unknown = groups.youngScrutineersUnknownTo(user, g.id()); // a child's account, for the few who may know it
            var members = groups.members(g.id()).stream().filter(m -> everyone.containsKey(m.userId()) && !unknown.contains(m.userId()))
                    .map(m -> {
                        var person = everyone.get(m.userId());
                        return new MemberJson(person.displayName(),
                                person.agencyName() == null ? null : agencyIds.get(person.agencyName()), m.role());
                    }).sorted(Comparator.comparing((MemberJson m) -> MemberRole.valueOf(m.roleInGroup()).ordinal())
                            .thenComparing(MemberJson::name)).toList();
            var chairs = members.stream().filter(m -> MemberRole.CHAIR.name().equals(m.roleInGroup()))
                    .map(MemberJson::name).toList();
            return new GroupJson(g.id(), g.name(), g.function().name(), chairs.isEmpty() ? null : String.join(", ", chairs),
                    members);
        }).toList();
    }
}
