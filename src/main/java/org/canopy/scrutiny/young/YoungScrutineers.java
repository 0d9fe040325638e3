package org.canopy.scrutiny.young;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.canopy.governance.GroupType;
import org.canopy.governance.Groups;
import org.canopy.governance.MemberRole;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.People;
import org.canopy.partnership.RecordChanged;
import org.canopy.partnership.Role;
import org.canopy.scrutiny.access.ScrutinyAccess;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Young scrutineers (aged 14 to 18, one per priority group, mentored by the scrutineer, advising the Executive), kept
 * with a first or chosen name and their group only; linked to an account, they join the group as its young scrutineer.
 */
@Service
class YoungScrutineers {

    /** A young scrutineer as kept: a first or chosen name, the priority's group, the account if linked. */
    record YoungScrutineer(long id, String name, long groupId, Long userId) {
    }

    private final JdbcClient jdbc;
    private final Groups groups;
    private final People people;
    private final ScrutinyAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    YoungScrutineers(JdbcClient jdbc, Groups groups, People people, ScrutinyAccess access, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.people = people;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    List<YoungScrutineer> all(long partnershipId) {
        return jdbc.sql("select id, name, group_id, user_id from young_scrutineer where partnership_id = ? order by name").param(partnershipId)
                .query(YoungScrutineer.class).list();
    }

    String note(long partnershipId) {
        return jdbc.sql("select text from scrutiny_note where partnership_id = ? and topic = 'YOUNG_SCRUTINEERS'").param(partnershipId)
                .query(String.class).optional().orElse(null);
    }

    /** Adds a young scrutineer: a single first or chosen name, a priority group without one, an optional young scrutineer's account. */
    @Transactional
    YoungScrutineer add(CanopyUser user, Map<String, String> form) {
        access.requireKeeper(user, "keep the young scrutineers");
        var problems = new ArrayList<FieldProblem>();
        String name = access.text("name", "The first or chosen name", form.get("name"), true, 30, problems);
        if (name != null && !name.matches("\\p{L}[\\p{L}'-]{0,29}")) {
            problems.add(FieldProblem.of("name", "Enter only a first or chosen name: one word, no surname or other details"));
        }
        boolean ageConfirmed = "true".equals(form.get("aged14to18"));
        if (!ageConfirmed) {
            problems.add(FieldProblem.of("aged14to18", "Confirm the young scrutineer is aged 14 to 18"));
        }
        var group = groups.all(user.partnershipId()).stream().filter(g -> g.type() == GroupType.PRIORITY_GROUP)
                .filter(g -> String.valueOf(g.id()).equals(form.getOrDefault("group", "").strip())).findFirst();
        if (group.isEmpty()) {
            problems.add(FieldProblem.of("group", "Choose the priority group"));
        } else if (all(user.partnershipId()).stream().anyMatch(y -> y.groupId() == group.get().id())) {
            problems.add(FieldProblem.of("group", "That priority already has a young scrutineer"));
        }
        Long userId = null;
        String account = form.get("account");
        if (account != null && !account.isBlank()) {
            var person = people.byUsername(user.partnershipId(), account.strip()).filter(p -> p.role() == Role.YOUNG_SCRUTINEER);
            if (person.isEmpty()) {
                problems.add(FieldProblem.of("account", "Enter the username of a young scrutineer's account, or leave it empty"));
            } else {
                userId = person.get().id();
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into young_scrutineer (partnership_id, name, group_id, user_id, created_by, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(user.partnershipId(), name, group.get().id(), userId, user.getUsername(), LocalDateTime.now(clock)).update(keys, "id");
        if (userId != null) {
            groups.addMember(user.partnershipId(), user.getUsername(), group.get().id(), userId, MemberRole.YOUNG_SCRUTINEER);
        }
        var added = new YoungScrutineer(keys.getKey().longValue(), name, group.get().id(), userId);
        events.publishEvent(RecordChanged.by(user, "young scrutineer", added.id(), "added",
                "Added the young scrutineer for " + group.get().name(), null, added));
        return added;
    }
}
