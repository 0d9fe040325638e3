package org.canopy.plan.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.canopy.governance.GroupSummary;
import org.canopy.governance.Groups;
import org.canopy.partnership.RecordChanged;
import org.canopy.plan.Rag;
import org.canopy.plan.files.PlanFile;
import org.canopy.plan.plans.PlanViews.ActionInPlan;
import org.canopy.plan.plans.PlanViews.ActionView;
import org.canopy.plan.plans.PlanViews.Article;
import org.canopy.plan.plans.PlanViews.CrossCuttingView;
import org.canopy.plan.plans.PlanViews.CurrentRound;
import org.canopy.plan.plans.PlanViews.PlanSummary;
import org.canopy.plan.plans.PlanViews.PlanView;
import org.canopy.plan.plans.PlanViews.PriorityView;
import org.canopy.plan.plans.PlanViews.SectionView;
import org.canopy.plan.plans.PlanViews.Tag;
import org.canopy.plan.plans.PlanViews.UpdateView;
import org.canopy.web.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Stores whole plans and reads them back with each action's latest update. */
@Repository
public class PlanStore {

    private final JdbcClient jdbc;
    private final Groups groups;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PlanStore(JdbcClient jdbc, Groups groups, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.events = events;
        this.clock = clock;
    }

    /** Stores a validated plan file whole, in one transaction: any failure stores nothing. */
    @Transactional
    public long load(long partnershipId, String actor, PlanFile file) {
        if (jdbc.sql("select count(*) from plan where partnership_id = ? and title = ?").params(partnershipId, file.title())
                .query(Integer.class).single() > 0) {
            throw new InvalidInput("title", "A plan called '" + file.title() + "' already exists in this partnership");
        }
        long planId = insert("""
                insert into plan (partnership_id, title, start_date, end_date, introduction, loaded_at, loaded_by)
                values (?, ?, ?, ?, ?, ?, ?)""", partnershipId, file.title(), file.start(), file.end(),
                file.introduction(), LocalDateTime.now(clock), actor);
        Map<String, Long> crossCuttingIds = new HashMap<>();
        int position = 0;
        for (var c : file.crossCuttingPriorities()) {
            crossCuttingIds.put(c.title(), insert("""
                    insert into plan_cross_cutting_priority (plan_id, position, title, description) values (?, ?, ?, ?)""",
                    planId, ++position, c.title(), c.description()));
        }
        references(planId, "COMMUNITY_PLAN_THEME", file.communityPlanThemes());
        references(planId, "COMMUNITY_PLAN_CROSS_CUTTING_PRIORITY", file.communityPlanCrossCuttingPriorities());
        references(planId, "LINKED_STRATEGY", file.linkedStrategies());
        references(planId, "PARTNER", file.partners());
        Map<String, Long> groupIds = new HashMap<>();
        for (var g : file.groups()) {
            groupIds.put(g.name(), groups.findOrCreate(partnershipId, actor, g.name(), g.type()).id());
        }
        for (var s : file.sections()) {
            long sectionId = insert("""
                    insert into plan_section (plan_id, number, title, focus, scope, vision) values (?, ?, ?, ?, ?, ?)""",
                    planId, s.number(), s.title(), s.focus(), s.scope(), s.vision());
            int a = 0;
            for (var article : s.uncrcArticles()) {
                jdbc.sql("insert into plan_section_article (section_id, position, article_number, title) values (?, ?, ?, ?)")
                        .params(sectionId, ++a, article.number(), article.title()).update();
            }
            points(sectionId, "ACHIEVEMENT", s.achievements());
            points(sectionId, "CHALLENGE", s.challenges());
            points(sectionId, "INDICATOR", s.indicators());
            for (var p : s.priorities()) {
                long priorityId = insert("""
                        insert into plan_priority (plan_id, section_id, number, title, lead_statement) values (?, ?, ?, ?, ?)""",
                        planId, sectionId, p.number(), p.title(), p.leadStatement());
                int g = 0;
                for (var lead : p.leadGroups()) {
                    jdbc.sql("insert into plan_priority_lead_group (priority_id, group_id, position) values (?, ?, ?)")
                            .params(priorityId, groupIds.get(lead), ++g).update();
                }
                int n = 0;
                for (var action : p.actions()) {
                    long actionId = insert("insert into plan_action (plan_id, priority_id, position, text) values (?, ?, ?, ?)",
                            planId, priorityId, ++n, action.text());
                    for (var tag : action.crossCutting()) {
                        jdbc.sql("insert into plan_action_cross_cutting (action_id, cross_cutting_priority_id) values (?, ?)")
                                .params(actionId, crossCuttingIds.get(tag)).update();
                    }
                }
            }
        }
        events.publishEvent(new RecordChanged(partnershipId, actor, "plan", String.valueOf(planId), "loaded",
                "Loaded plan '" + file.title() + "' (" + file.sections().size() + " sections, "
                        + file.sections().stream().mapToInt(s -> s.priorities().size()).sum() + " priorities)",
                null, Map.of("title", file.title(), "start", file.start().toString(), "end", file.end().toString())));
        return planId;
    }

    private void references(long planId, String kind, List<String> texts) {
        int position = 0;
        for (String text : texts) {
            jdbc.sql("insert into plan_reference (plan_id, kind, position, text) values (?, ?, ?, ?)")
                    .params(planId, kind, ++position, text).update();
        }
    }

    private void points(long sectionId, String kind, List<String> texts) {
        int position = 0;
        for (String text : texts) {
            jdbc.sql("insert into plan_section_point (section_id, kind, position, text) values (?, ?, ?, ?)")
                    .params(sectionId, kind, ++position, text).update();
        }
    }

    private long insert(String sql, Object... params) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Plans newest first, the same on H2 and PostgreSQL: by start date, a plan with none (made from a priority-setting
     * round, its period in words) counting from the day it was made, then the latest stored.
     */
    static final String NEWEST_FIRST = "coalesce(start_date, cast(loaded_at as date)) desc, id desc";

    public List<PlanSummary> plans(long partnershipId) {
        return jdbc.sql("select id, title, start_date, end_date, period_text from plan where partnership_id = ? order by "
                + NEWEST_FIRST).param(partnershipId)
                .query((rs, n) -> new PlanSummary(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getString(5)))
                .list();
    }

    /** The plan an action belongs to, if the action is in the partnership. */
    public Optional<Long> planOfAction(long partnershipId, long actionId) {
        return jdbc.sql("select a.plan_id from plan_action a join plan p on p.id = a.plan_id where a.id = ? and p.partnership_id = ?")
                .params(actionId, partnershipId).query(Long.class).optional();
    }

    /** An action of the partnership with its plan and priority. */
    public Optional<ActionInPlan> action(long partnershipId, long actionId) {
        return planOfAction(partnershipId, actionId).flatMap(planId -> plan(partnershipId, planId)).flatMap(plan -> plan
                .priorities().stream().flatMap(p -> p.actions().stream().filter(a -> a.id() == actionId)
                        .map(a -> new ActionInPlan(plan, p, a))).findFirst());
    }

    /** The whole plan with every action's latest update, in a fixed number of queries whatever its size. */
    public Optional<PlanView> plan(long partnershipId, long planId) {
        var head = jdbc.sql("select id, title, start_date, end_date, introduction, period_text from plan where id = ? and partnership_id = ?")
                .params(planId, partnershipId)
                .query((rs, n) -> new Object[] {rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6)})
                .optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        var crossCutting = jdbc.sql("select id, title, description from plan_cross_cutting_priority where plan_id = ? order by position")
                .param(planId).query((rs, n) -> new CrossCuttingView(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        Map<Long, String> crossCuttingTitles = new HashMap<>();
        crossCutting.forEach(c -> crossCuttingTitles.put(c.id(), c.title()));
        Map<String, List<String>> references = new HashMap<>();
        jdbc.sql("select kind, text from plan_reference where plan_id = ? order by kind, position").param(planId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> references.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));

        Map<Long, List<Article>> articles = new HashMap<>();
        jdbc.sql("""
                select a.section_id, a.article_number, a.title from plan_section_article a
                join plan_section s on s.id = a.section_id where s.plan_id = ? order by a.section_id, a.position""")
                .param(planId).query((rs, n) -> {
                    articles.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Article(rs.getInt(2), rs.getString(3)));
                    return null;
                }).list();
        Map<String, List<String>> points = new HashMap<>();
        jdbc.sql("""
                select p.section_id, p.kind, p.text from plan_section_point p
                join plan_section s on s.id = p.section_id where s.plan_id = ? order by p.section_id, p.kind, p.position""")
                .param(planId).query((rs, n) -> {
                    points.computeIfAbsent(rs.getLong(1) + rs.getString(2), k -> new ArrayList<>()).add(rs.getString(3));
                    return null;
                }).list();

        Map<Long, List<Long>> leadGroupIds = new LinkedHashMap<>();
        jdbc.sql("""
                select l.priority_id, l.group_id from plan_priority_lead_group l
                join plan_priority p on p.id = l.priority_id where p.plan_id = ? order by l.priority_id, l.position""")
                .param(planId).query((rs, n) -> {
                    leadGroupIds.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    return null;
                }).list();
        Map<Long, GroupSummary> groupsById = new HashMap<>();
        groups.byIds(partnershipId, leadGroupIds.values().stream().flatMap(List::stream).distinct().toList())
                .forEach(g -> groupsById.put(g.id(), g));

        Map<Long, List<Tag>> actionTags = new HashMap<>();
        jdbc.sql("""
                select c.action_id, c.cross_cutting_priority_id, c.tagged_by, c.tagged_at from plan_action_cross_cutting c
                join plan_action a on a.id = c.action_id join plan_cross_cutting_priority p on p.id = c.cross_cutting_priority_id
                where a.plan_id = ? order by c.action_id, p.position""")
                .param(planId).query((rs, n) -> {
                    actionTags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Tag(rs.getLong(2),
                            crossCuttingTitles.get(rs.getLong(2)), rs.getString(3), rs.getObject(4, LocalDateTime.class)));
                    return null;
                }).list();
        Map<Long, UpdateView> latest = new HashMap<>();
        jdbc.sql(UPDATE_COLUMNS + " from action_update u join plan_action a on a.id = u.action_id"
                + " where a.plan_id = ? and u.period = (select max(v.period) from action_update v where v.action_id = u.action_id)")
                .param(planId).query(PlanStore::update).list().forEach(u -> latest.put(u.actionId(), u));
        var round = currentRound(planId);
        Set<Long> updatedThisRound = round == null ? Set.of() : new HashSet<>(jdbc.sql(
                "select u.action_id from action_update u join plan_action a on a.id = u.action_id where a.plan_id = ? and u.period = ?")
                .params(planId, round.period()).query(Long.class).list());

        Map<Long, List<ActionView>> actionsByPriority = new HashMap<>();
        jdbc.sql("""
                select a.id, a.priority_id, p.number, a.position, a.text from plan_action a
                join plan_priority p on p.id = a.priority_id where a.plan_id = ? order by p.number, a.position""")
                .param(planId).query((rs, n) -> new ActionView(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4),
                        rs.getString(5), actionTags.getOrDefault(rs.getLong(1), List.of()), latest.get(rs.getLong(1)),
                        updatedThisRound.contains(rs.getLong(1))))
                .list().forEach(a -> actionsByPriority.computeIfAbsent(a.priorityId(), k -> new ArrayList<>()).add(a));

        Map<Long, List<PriorityView>> prioritiesBySection = new HashMap<>();
        var unsectioned = new ArrayList<PriorityView>();
        jdbc.sql("""
                select p.id, p.section_id, s.number, p.number, p.title, p.lead_statement from plan_priority p
                left join plan_section s on s.id = p.section_id where p.plan_id = ? order by p.number""")
                .param(planId).query((rs, n) -> {
                    long id = rs.getLong(1);
                    var leads = leadGroupIds.getOrDefault(id, List.of()).stream().map(groupsById::get)
                            .filter(g -> g != null).toList();
                    Long sectionId = rs.getObject(2) == null ? null : rs.getLong(2);
                    var priority = new PriorityView(id, sectionId == null ? null : rs.getInt(3), rs.getInt(4), rs.getString(5),
                            rs.getString(6), leads, actionsByPriority.getOrDefault(id, List.of()), round);
                    if (sectionId == null) {
                        unsectioned.add(priority);
                    } else {
                        prioritiesBySection.computeIfAbsent(sectionId, k -> new ArrayList<>()).add(priority);
                    }
                    return null;
                }).list();

        var sections = jdbc.sql("select id, number, title, focus, scope, vision from plan_section where plan_id = ? order by number")
                .param(planId).query((rs, n) -> {
                    long id = rs.getLong(1);
                    return new SectionView(id, rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), articles.getOrDefault(id, List.of()),
                            points.getOrDefault(id + "ACHIEVEMENT", List.of()), points.getOrDefault(id + "CHALLENGE", List.of()),
                            points.getOrDefault(id + "INDICATOR", List.of()), prioritiesBySection.getOrDefault(id, List.of()),
                            round);
                }).list();
        Object[] h = head.get();
        return Optional.of(new PlanView(planId, (String) h[0], (LocalDate) h[1], (LocalDate) h[2], (String) h[3],
                crossCutting, references.getOrDefault("COMMUNITY_PLAN_THEME", List.of()),
                references.getOrDefault("COMMUNITY_PLAN_CROSS_CUTTING_PRIORITY", List.of()),
                references.getOrDefault("LINKED_STRATEGY", List.of()), references.getOrDefault("PARTNER", List.of()),
                round, sections, (String) h[4], unsectioned));
    }

    /**
     * A plan made from a priority-setting round's decision: no sections, dates only if known, its period in words.
     * Its priorities are added by {@link #addPriority}.
     */
    @Transactional
    public long createFromRound(long partnershipId, String actor, String title, String periodText, String introduction) {
        if (jdbc.sql("select count(*) from plan where partnership_id = ? and title = ?").params(partnershipId, title)
                .query(Integer.class).single() > 0) {
            throw new InvalidInput("planTitle", "A plan called '" + title + "' already exists in this partnership");
        }
        long planId = insert("""
                insert into plan (partnership_id, title, period_text, introduction, loaded_at, loaded_by) values (?, ?, ?, ?, ?, ?)""",
                partnershipId, title, periodText, introduction, LocalDateTime.now(clock), actor);
        events.publishEvent(new RecordChanged(partnershipId, actor, "plan", String.valueOf(planId), "created",
                "Created plan '" + title + "' from a priority-setting decision", null,
                Map.of("title", title, "period", periodText == null ? "" : periodText)));
        return planId;
    }

    /** A priority added to a plan of the partnership in no section, numbered after its last, led by the group given. */
    @Transactional
    public PriorityView addPriority(long partnershipId, String actor, long planId, String title, long leadGroupId, Long roundId) {
        if (jdbc.sql("select count(*) from plan where id = ? and partnership_id = ?").params(planId, partnershipId)
                .query(Integer.class).single() == 0) {
            throw new InvalidInput("plan", "Choose a plan of this partnership");
        }
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from plan_priority where plan_id = ?").param(planId)
                .query(Integer.class).single();
        long priorityId = insert("insert into plan_priority (plan_id, number, title, round_id) values (?, ?, ?, ?)",
                planId, number, title, roundId);
        jdbc.sql("insert into plan_priority_lead_group (priority_id, group_id, position) values (?, ?, 1)")
                .params(priorityId, leadGroupId).update();
        events.publishEvent(new RecordChanged(partnershipId, actor, "plan priority", String.valueOf(priorityId), "created",
                "Added priority " + number + " '" + title + "' to the plan", null,
                Map.of("planId", planId, "number", number, "title", title, "leadGroupId", leadGroupId)));
        return plan(partnershipId, planId).orElseThrow().priorities().stream().filter(p -> p.id() == priorityId)
                .findFirst().orElseThrow();
    }

    /** The round statuses count updates in: the open round, or else the latest; null before the first. */
    private CurrentRound currentRound(long planId) {
        return jdbc.sql("""
                select period, closed_at from update_round where plan_id = ?
                order by case when closed_at is null then 0 else 1 end, period desc""")
                .param(planId).query((rs, n) -> new CurrentRound(rs.getString(1), rs.getObject(2) == null)).list()
                .stream().findFirst().orElse(null);
    }

    public static final String UPDATE_COLUMNS = """
            select u.id, u.action_id, u.period, u.rag, u.narrative, u.corrective_step, u.evidence_url, u.author,
                   u.created_at, u.updated_at, u.version""";

    public static UpdateView update(ResultSet rs, int n) throws SQLException {
        return new UpdateView(rs.getLong("id"), rs.getLong("action_id"), rs.getString("period"),
                Rag.valueOf(rs.getString("rag")), rs.getString("narrative"), rs.getString("corrective_step"),
                rs.getString("evidence_url"), rs.getString("author"), rs.getObject("created_at", LocalDateTime.class),
                rs.getObject("updated_at", LocalDateTime.class), rs.getInt("version"));
    }
}
