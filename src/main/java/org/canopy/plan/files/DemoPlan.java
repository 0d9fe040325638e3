package org.canopy.plan.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.canopy.governance.Groups;
import org.canopy.partnership.People;
import org.canopy.plan.PlanDemo;
import org.canopy.plan.plans.PlanStore;
import org.canopy.plan.setting.DemoPrioritySetting;
import org.canopy.plan.updates.UpdateRounds;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Demo mode: loads the seed's Children and Families Plan 2016-19 from its plan file, gives the demo
 * contributors their lead-group memberships, and opens an update round (the one before it closed).
 * No progress updates are invented: every status starts as "No update".
 */
@Component
class DemoPlan implements PlanDemo {

    static final String RESOURCE = "demo/children-and-families-plan-2016-19.yaml";
    static final String ACTOR = "demo";

    /** Demo memberships (issue 2): each contributor belongs to the lead groups of these priorities. */
    static final Map<String, List<Integer>> MEMBERSHIPS = Map.of(
            "police", List.of(14, 15),
            "health", List.of(7, 8, 9),
            "council", List.of(1, 2, 3, 4, 18));

    static final String CLOSED_ROUND = "2018-19-Q3";
    static final String OPEN_ROUND = "2018-19-Q4";

    private final PlanFileReader reader;
    private final PlanStore plans;
    private final UpdateRounds rounds;
    private final Groups groups;
    private final People people;
    private final Clock clock;
    private final DemoPrioritySetting setting;

    DemoPlan(PlanFileReader reader, PlanStore plans, UpdateRounds rounds, Groups groups, People people, Clock clock,
            DemoPrioritySetting setting) {
        this.setting = setting;
        this.reader = reader;
        this.plans = plans;
        this.rounds = rounds;
        this.groups = groups;
        this.people = people;
        this.clock = clock;
    }

    @Override
    public void load(long partnershipId) {
        long planId = plans.load(partnershipId, ACTOR, reader.read(seedPlanFile()));
        var plan = plans.plan(partnershipId, planId).orElseThrow();
        MEMBERSHIPS.forEach((username, priorities) -> {
            var person = people.byUsername(partnershipId, username).orElseThrow();
            plan.priorities().stream().filter(p -> priorities.contains(p.number()))
                    .flatMap(p -> p.leadGroups().stream())
                    .forEach(g -> groups.addMember(partnershipId, ACTOR, g.id(), person.id()));
        });
        LocalDate today = LocalDate.now(clock);
        rounds.openForDemo(partnershipId, planId, CLOSED_ROUND, today.minusDays(30), true);
        rounds.openForDemo(partnershipId, planId, OPEN_ROUND, today.plusDays(14), false);
    }

    static String seedPlanFile() {
        try (var in = new ClassPathResource(RESOURCE).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The demo plan file " + RESOURCE + " is missing", e);
        }
    }

    @Override
    public void setPriorities(long partnershipId) {
        setting.load(partnershipId);
    }
}
