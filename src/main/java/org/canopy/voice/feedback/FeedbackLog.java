package org.canopy.voice.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
import org.canopy.plan.PlanPriorities;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.web.DateInput;
import org.canopy.web.EditConflict;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The feedback log: what children, young people, families and partners told the partnership, kept without identifying detail. */
@Service
public class FeedbackLog {

    /** One thing said, as kept: words, who by kind and age band, when, where, and the context. */
    record Item(long id, String words, boolean ownWords, FeedbackSource source, Long engagementGroupId, String engagementGroup,
            Speaker speaker, AgeBand ageBand, LocalDate heardOn, String heardIn, String heardWhen, String context, String recordedBy,
            LocalDateTime recordedAt, int version) {
    }

    /** A theme, priority or section an item or theme is tagged with, and who applied the tag. */
    record Tag(long id, String name, String taggedBy) {

        /** Tags from the demo are Canopy's reading of the report, never the report's own. */
        public boolean demo() {
            return "demo".equals(taggedBy);
        }
    }

    /** The filters of the log's list: all optional. */
    record Filter(String year, FeedbackSource source, Long theme, Speaker speaker, Long priority) {

        static Filter of(String year, String source, String theme, String speaker, String priority) {
            return new Filter(blank(year) ? null : year.strip(), parse(FeedbackSource.class, source), number(theme),
                    parse(Speaker.class, speaker), number(priority));
        }

        static final Filter NONE = new Filter(null, null, null, null, null);
    }

    private static final String COLUMNS = """
            select f.id, f.words, f.own_words, f.source, f.engagement_group_id, g.name as group_name, f.speaker, f.age_band, f.heard_on,
                   f.heard_in, f.heard_when, f.context, f.recorded_by, f.recorded_at, f.version
            from feedback f left join engagement_group g on g.id = f.engagement_group_id""";

    private final JdbcClient jdbc;
    private final IdentifierGuard guard;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PlanPriorities plans;

    FeedbackLog(JdbcClient jdbc, IdentifierGuard guard, ApplicationEventPublisher events, Clock clock, PlanPriorities plans) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.events = events;
        this.clock = clock;
        this.plans = plans;
    }

    /**
     * Adds a message a child sent from the no-account page to the log, in their words, as the coordinator accepts it;
     * returns the new item's id. The priority, if the child chose a topic, is the one the item bears on.
     */
    @Transactional
    public long addFromPublicPage(CanopyUser coordinator, String words, AgeBand ageBand, Long priorityId, LocalDate receivedOn) {
        if (!coordinator.isAdministrator()) {
            throw new AccessDeniedException("Only the partnership coordinator adds messages from the tell us page to the log");
        }
        var problems = new ArrayList<FieldProblem>();
        String text = guard.freeText("words", "The message", words, true, 4000, problems, FieldProblem::of);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var now = LocalDateTime.now(clock);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into feedback (partnership_id, words, own_words, source, speaker, age_band, heard_on, heard_in, recorded_by, recorded_at)
                values (?, ?, true, 'PUBLIC_PAGE', 'CHILD_OR_YOUNG_PERSON', ?, ?, ?, ?, ?)""")
                .params(coordinator.partnershipId(), text, (ageBand == null ? AgeBand.NOT_GIVEN : ageBand).name(), receivedOn,
                        financialYear(receivedOn), coordinator.getUsername(), now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        if (priorityId != null) {
            jdbc.sql("insert into feedback_priority (feedback_id, priority_id, tagged_by, tagged_at) values (?, ?, ?, ?)")
                    .params(id, priorityId, coordinator.getUsername(), now).update();
        }
        events.publishEvent(RecordChanged.by(coordinator, "feedback", id, "added", "Added a message from the tell us page to the feedback log",
                null, java.util.Map.of("source", FeedbackSource.PUBLIC_PAGE.name(), "ageBand", String.valueOf(ageBand))));
        return id;
    }

    /** The financial year (April to March) a day falls in, as "2020-21". */
    public static String financialYear(LocalDate day) {
        return org.canopy.web.Dates.financialYear(day);
    }

    /** Whether the text is a financial year as Canopy writes it ("2020-21"). */
    static boolean isFinancialYear(String text) {
        if (text == null || !text.matches("\\d{4}-\\d{2}")) {
            return false;
        }
        int start = Integer.parseInt(text.substring(0, 4));
        return Integer.parseInt(text.substring(5)) == (start + 1) % 100;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The log's items matching the filter, newest year first, then as recorded. */
    List<Item> items(long partnershipId, Filter filter) {
        var sql = new StringBuilder(COLUMNS).append(" where f.partnership_id = ?");
        var params = new ArrayList<Object>();
        params.add(partnershipId);
        if (filter.year() != null) {
            sql.append(" and f.heard_in = ?");
            params.add(filter.year());
        }
        if (filter.source() != null) {
            sql.append(" and f.source = ?");
            params.add(filter.source().name());
        }
        if (filter.speaker() != null) {
            sql.append(" and f.speaker = ?");
            params.add(filter.speaker().name());
        }
        if (filter.theme() != null) {
            sql.append(" and exists (select 1 from feedback_theme_tag t where t.feedback_id = f.id and t.theme_id = ?)");
            params.add(filter.theme());
        }
        if (filter.priority() != null) {
            sql.append(" ").append("""
                    and (exists (select 1 from feedback_priority p where p.feedback_id = f.id and p.priority_id = ?)
                      or exists (select 1 from feedback_theme_tag t join feedback_theme_priority tp on tp.theme_id = t.theme_id
                                 where t.feedback_id = f.id and tp.priority_id = ?))""");
            params.add(filter.priority());
            params.add(filter.priority());
        }
        sql.append(" order by f.heard_in desc, f.id");
        return jdbc.sql(sql.toString()).params(params).query(FeedbackLog::item).list();
    }

    Optional<Item> find(long partnershipId, long id) {
        return jdbc.sql(COLUMNS + " where f.partnership_id = ? and f.id = ?").params(partnershipId, id).query(FeedbackLog::item).optional();
    }

    Item get(long partnershipId, long id) {
        return find(partnershipId, id).orElseThrow(() -> new NotFound("The feedback"));
    }

    /** The years items were heard in, newest first. */
    List<String> years(long partnershipId) {
        return jdbc.sql("select distinct heard_in from feedback where partnership_id = ? order by heard_in desc").param(partnershipId)
                .query(String.class).list();
    }

    /** Each item's themes, by item id. */
    Map<Long, List<Tag>> themesByItem(long partnershipId) {
        var tags = new HashMap<Long, List<Tag>>();
        jdbc.sql("""
                select tt.feedback_id, t.id, t.name, tt.tagged_by from feedback_theme_tag tt join feedback_theme t on t.id = tt.theme_id
                where t.partnership_id = ? order by t.name""").param(partnershipId)
                .query(rs -> {
                    tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Tag(rs.getLong(2), rs.getString(3), rs.getString(4)));
                });
        return tags;
    }

    /** The priorities an item bears on directly, with the priority's name, by item id. */
    Map<Long, List<Tag>> prioritiesByItem(long partnershipId) {
        var names = priorityNames(partnershipId);
        var tags = new HashMap<Long, List<Tag>>();
        jdbc.sql("""
                select p.feedback_id, p.priority_id, p.tagged_by from feedback_priority p join feedback f on f.id = p.feedback_id
                where f.partnership_id = ? order by p.priority_id""").param(partnershipId)
                .query(rs -> {
                    String name = names.get(rs.getLong(2));
                    if (name != null) {
                        tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Tag(rs.getLong(2), name, rs.getString(3)));
                    }
                });
        return tags;
    }

    /** The plan sections an item bears on, by item id. */
    Map<Long, List<Tag>> sectionsByItem(long partnershipId) {
        var names = new HashMap<Long, String>();
        plans.sections(partnershipId).forEach(s -> names.put(s.id(), s.planTitle() + ": " + s.number() + ". " + s.title()));
        var tags = new HashMap<Long, List<Tag>>();
        jdbc.sql("""
                select s.feedback_id, s.section_id, s.tagged_by from feedback_section s join feedback f on f.id = s.feedback_id
                where f.partnership_id = ?""").param(partnershipId)
                .query(rs -> {
                    String name = names.get(rs.getLong(2));
                    if (name != null) {
                        tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Tag(rs.getLong(2), name, rs.getString(3)));
                    }
                });
        return tags;
    }

    /** Every priority of the partnership as people read it: "plan: number. title". */
    Map<Long, String> priorityNames(long partnershipId) {
        var names = new LinkedHashMap<Long, String>();
        plans.priorities(partnershipId).forEach(p -> names.put(p.id(), p.planTitle() + ": " + p.number() + ". " + p.title()));
        return names;
    }

    /** The engagement groups of the partnership (the engagement feature keeps them), id to name, active ones by name. */
    Map<Long, String> engagementGroups(long partnershipId) {
        var groups = new LinkedHashMap<Long, String>();
        jdbc.sql("select id, name from engagement_group where partnership_id = ? and active = true order by name").param(partnershipId)
                .query(rs -> {
                    groups.put(rs.getLong(1), rs.getString(2));
                });
        return groups;
    }

    /**
     * Adds an item ({@code id} null) or changes one at the version the coordinator read: the words and every free-text
     * field pass the privacy guard; the themes, priorities and plan sections are those ticked.
     */
    @Transactional
    Item save(CanopyUser user, Long id, Map<String, String> form, Collection<String> themes, Collection<String> priorities,
            Collection<String> sections) {
        if (!user.isAdministrator()) {
            throw new AccessDeniedException("Only the partnership coordinator keeps the feedback log");
        }
        long partnershipId = user.partnershipId();
        Item before = id == null ? null : get(partnershipId, id);
        var problems = new ArrayList<FieldProblem>();
        String words = guard.freeText("words", "What was said", form.get("words"), true, 4000, problems, FieldProblem::of);
        String own = form.getOrDefault("ownWords", "");
        if (!own.equals("true") && !own.equals("false")) {
            problems.add(FieldProblem.of("ownWords", "Choose whether these are their own words or a summary"));
        }
        var source = parse(FeedbackSource.class, form.get("source"));
        if (source == null) {
            problems.add(FieldProblem.of("source", "Choose where it was heard"));
        }
        Long group = number(form.get("engagementGroup"));
        if (group != null && !engagementGroups(partnershipId).containsKey(group)) {
            problems.add(FieldProblem.of("engagementGroup", "Choose one of the partnership's engagement groups, or none"));
        }
        var speaker = parse(Speaker.class, form.get("speaker"));
        if (speaker == null) {
            problems.add(FieldProblem.of("speaker", "Choose who said it"));
        }
        var ageBand = parse(AgeBand.class, form.get("ageBand"));
        if (ageBand == null) {
            ageBand = AgeBand.NOT_GIVEN;
        }
        LocalDate heardOn = DateInput.fromForm(form::get, "heardOn").read("heardOn", "The day it was heard", false, DateInput.Range.PAST,
                today(), problems);
        String heardWhen = guard.freeText("heardWhen", "When it was heard", form.get("heardWhen"), false, 200, problems, FieldProblem::of);
        String heardIn = blank(form.get("heardIn")) ? null : form.get("heardIn").strip();
        if (heardIn == null && heardOn != null) {
            heardIn = financialYear(heardOn);
        } else if (heardIn == null) {
            problems.add(FieldProblem.of("heardIn", "Enter the financial year it was heard in, like 2020-21, or the day it was heard"));
        } else if (!isFinancialYear(heardIn)) {
            problems.add(FieldProblem.of("heardIn", "Enter the financial year as the year it starts and the next, like 2020-21"));
        } else if (heardOn != null && !heardIn.equals(financialYear(heardOn))) {
            problems.add(FieldProblem.of("heardIn", "The day it was heard falls in " + financialYear(heardOn) + ", not " + heardIn));
        }
        String context = guard.freeText("context", "The context", form.get("context"), false, 300, problems, FieldProblem::of);
        int version = before == null ? 0 : versionOf(form.get("version"), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var now = LocalDateTime.now(clock);
        long itemId;
        if (before == null) {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into feedback (partnership_id, words, own_words, source, engagement_group_id, speaker, age_band, heard_on, heard_in,
                        heard_when, context, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(partnershipId, words, own.equals("true"), source.name(), group, speaker.name(), ageBand.name(), heardOn, heardIn,
                            heardWhen, context, user.getUsername(), now)
                    .update(keys, "id");
            itemId = keys.getKey().longValue();
        } else {
            int changed = jdbc.sql("""
                    update feedback set words = ?, own_words = ?, source = ?, engagement_group_id = ?, speaker = ?, age_band = ?, heard_on = ?,
                        heard_in = ?, heard_when = ?, context = ?, version = version + 1
                    where id = ? and partnership_id = ? and version = ?""")
                    .params(words, own.equals("true"), source.name(), group, speaker.name(), ageBand.name(), heardOn, heardIn, heardWhen,
                            context, id, partnershipId, version)
                    .update();
            if (changed == 0) {
                throw new EditConflict("Someone else changed this item since you opened it: check it again");
            }
            itemId = id;
        }
        var themeIds = new HashSet<Long>(ids(themes));
        themeIds.retainAll(themeIds(partnershipId));
        var priorityIds = new HashSet<Long>(ids(priorities));
        priorityIds.retainAll(priorityNames(partnershipId).keySet());
        var sectionIds = new HashSet<Long>(ids(sections));
        sectionIds.retainAll(plans.sections(partnershipId).stream().map(s -> s.id()).toList());
        retag("feedback_theme_tag", "theme_id", itemId, themeIds, user.getUsername(), now);
        retag("feedback_priority", "priority_id", itemId, priorityIds, user.getUsername(), now);
        retag("feedback_section", "section_id", itemId, sectionIds, user.getUsername(), now);
        var after = get(partnershipId, itemId);
        events.publishEvent(RecordChanged.by(user, "feedback", itemId, before == null ? "added" : "changed",
                before == null ? "Added an item to the feedback log" : "Changed an item of the feedback log", before, after));
        return after;
    }

    /** Keeps the tags still ticked (and who applied them), removes the others and adds the new ones. */
    private void retag(String table, String column, long itemId, Set<Long> wanted, String actor, LocalDateTime now) {
        var held = new LinkedHashSet<>(jdbc.sql("select " + column + " from " + table + " where feedback_id = ?").param(itemId)
                .query(Long.class).list());
        for (Long old : held) {
            if (!wanted.contains(old)) {
                jdbc.sql("delete from " + table + " where feedback_id = ? and " + column + " = ?").params(itemId, old).update();
            }
        }
        for (Long add : wanted) {
            if (!held.contains(add)) {
                jdbc.sql("insert into " + table + " (feedback_id, " + column + ", tagged_by, tagged_at) values (?, ?, ?, ?)")
                        .params(itemId, add, actor, now).update();
            }
        }
    }

    private List<Long> themeIds(long partnershipId) {
        return jdbc.sql("select id from feedback_theme where partnership_id = ?").param(partnershipId).query(Long.class).list();
    }

    /** The fields of the form holding a stored item, to change it. */
    Map<String, Object> formOf(long partnershipId, Item item) {
        var form = new HashMap<String, Object>();
        form.put("words", item.words());
        form.put("ownWords", String.valueOf(item.ownWords()));
        form.put("source", item.source().name());
        form.put("engagementGroup", item.engagementGroupId() == null ? "" : String.valueOf(item.engagementGroupId()));
        form.put("speaker", item.speaker().name());
        form.put("ageBand", item.ageBand().name());
        form.putAll(DateInput.fields("heardOn", item.heardOn()));
        form.put("heardWhen", item.heardWhen());
        form.put("heardIn", item.heardIn());
        form.put("context", item.context());
        form.put("version", String.valueOf(item.version()));
        form.put("themes", strings(themesByItem(partnershipId).getOrDefault(item.id(), List.of())));
        form.put("priorities", strings(prioritiesByItem(partnershipId).getOrDefault(item.id(), List.of())));
        form.put("sections", strings(sectionsByItem(partnershipId).getOrDefault(item.id(), List.of())));
        return form;
    }

    private static List<String> strings(List<Tag> tags) {
        return tags.stream().map(t -> String.valueOf(t.id())).toList();
    }

    private static int versionOf(String text, List<FieldProblem> problems) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of("words", "Open the item again before changing it"));
            return -1;
        }
    }

    static List<Long> ids(Collection<String> texts) {
        var ids = new ArrayList<Long>();
        if (texts != null) {
            texts.forEach(t -> {
                Long n = number(t);
                if (n != null) {
                    ids.add(n);
                }
            });
        }
        return ids;
    }

    static Long number(String text) {
        if (text == null || !text.strip().matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(text.strip());
    }

    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Item item(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long group = rs.getLong("engagement_group_id");
        Long groupId = rs.wasNull() ? null : group;
        var heardOn = rs.getObject("heard_on", LocalDate.class);
        return new Item(rs.getLong("id"), rs.getString("words"), rs.getBoolean("own_words"), FeedbackSource.valueOf(rs.getString("source")),
                groupId, rs.getString("group_name"), Speaker.valueOf(rs.getString("speaker")), AgeBand.valueOf(rs.getString("age_band")),
                heardOn, rs.getString("heard_in"), rs.getString("heard_when"), rs.getString("context"), rs.getString("recorded_by"),
                rs.getObject("recorded_at", LocalDateTime.class), rs.getInt("version"));
    }
}
