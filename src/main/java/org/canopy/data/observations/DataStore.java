package org.canopy.data.observations;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.canopy.data.observations.DataViews.Area;
import org.canopy.data.observations.DataViews.Indicator;
import org.canopy.data.observations.DataViews.Observation;
import org.canopy.data.catalogue.AreaKind;
import org.canopy.data.catalogue.Frequency;
import org.canopy.data.catalogue.IndicatorFile;
import org.canopy.data.catalogue.Polarity;
import org.canopy.data.catalogue.Unit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Areas, the indicator catalogue and observations, in the data module's own tables. */
@Repository
public class DataStore {

    private final JdbcClient jdbc;

    DataStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Area> areas(long partnershipId) {
        return jdbc.sql("select id, name, kind, statistical_neighbour from data_area where partnership_id = ? order by id")
                .param(partnershipId)
                .query((rs, n) -> new Area(rs.getLong(1), rs.getString(2), AreaKind.valueOf(rs.getString(3)), rs.getBoolean(4)))
                .list();
    }

    /** The partnership's own area: its first local authority that is not a statistical neighbour. */
    public Optional<Area> homeArea(long partnershipId) {
        return homeArea(areas(partnershipId));
    }

    /** The home area among a partnership's {@code areas} (in id order), without asking the database again. */
    public static Optional<Area> homeArea(List<Area> areas) {
        return areas.stream().filter(a -> a.kind() == AreaKind.LOCAL_AUTHORITY && !a.statisticalNeighbour()).findFirst();
    }

    public long createArea(long partnershipId, String name, AreaKind kind, boolean neighbour) {
        return insert("insert into data_area (partnership_id, name, kind, statistical_neighbour) values (?, ?, ?, ?)",
                partnershipId, name, kind.name(), neighbour);
    }

    public List<Indicator> indicators(long partnershipId) {
        Map<Long, List<Long>> priorities = links("""
                select l.indicator_id, l.priority_id from indicator_priority l join indicator i on i.id = l.indicator_id
                where i.partnership_id = ?""", partnershipId);
        Map<Long, List<Long>> groups = links("""
                select l.indicator_id, l.group_id from indicator_priority_group l join indicator i on i.id = l.indicator_id
                where i.partnership_id = ?""", partnershipId);
        return jdbc.sql(SELECT_INDICATOR + " where partnership_id = ? order by code").param(partnershipId)
                .query((rs, n) -> indicator(rs, priorities, groups)).list();
    }

    public Optional<Indicator> indicator(long partnershipId, String code) {
        return indicators(partnershipId).stream().filter(i -> i.code().equals(code)).findFirst();
    }

    private Map<Long, List<Long>> links(String sql, long partnershipId) {
        Map<Long, List<Long>> links = new HashMap<>();
        jdbc.sql(sql).param(partnershipId).query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list()
                .forEach(e -> links.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return links;
    }

    public long createIndicator(long partnershipId, IndicatorFile.IndicatorEntry e, Long sourceAgencyId, List<Long> priorityIds,
            List<Long> groupIds) {
        long id = insert("""
                insert into indicator (partnership_id, code, name, definition, unit, polarity, frequency, source_agency_id,
                                       source_agency, population_base, seed_indicator, comparison_note, is_public,
                                       rate_of_code, population_code, part_of_code)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                partnershipId, e.code(), e.name(), e.definition(), e.unit().name(), e.polarity().name(), e.frequency().name(),
                sourceAgencyId, e.sourceAgency(), e.populationBase(), e.seedIndicator(), e.comparisonNote(), e.isPublic(),
                e.rateOf(), e.populationIndicator(), e.partOf());
        priorityIds.stream().distinct().forEach(p -> jdbc.sql("insert into indicator_priority (indicator_id, priority_id) values (?, ?)")
                .params(id, p).update());
        groupIds.stream().distinct().forEach(g -> jdbc.sql("insert into indicator_priority_group (indicator_id, group_id) values (?, ?)")
                .params(id, g).update());
        return id;
    }

    /**
     * An indicator's observations in the given areas (one area's series and the areas it is compared with), in period
     * order, through the index on (indicator, area, period start): other areas' history is never read.
     */
    public List<Observation> seriesIn(long indicatorId, Collection<Long> areaIds) {
        if (areaIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT_OBSERVATION + " where indicator_id = :indicator and area_id in (:areas) order by period_start, area_id")
                .param("indicator", indicatorId).param("areas", areaIds).query(DataStore::observation).list();
    }

    /** The partnership's observations in some areas, driven from each indicator and area pair through the index. */
    private static final String IN_AREAS = """
            select o.id, o.indicator_id, o.area_id, o.period, o.period_start, o.observed_value, o.narrative, o.source,
                   o.quote, o.recorded_by, o.recorded_at, o.submitted_by, o.accepted_by, o.accepted_at, o.import_file,
                   o.explanation
            from indicator i join data_area a on a.partnership_id = i.partnership_id
            join observation o on o.indicator_id = i.id and o.area_id = a.id
            where i.partnership_id = :partnership and a.id in (:areas)""";

    /** Every observation of the partnership's indicators in the given areas, in period order (an import's checks). */
    public List<Observation> observations(long partnershipId, Collection<Long> areaIds) {
        if (areaIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(IN_AREAS + " order by o.period_start, o.area_id")
                .param("partnership", partnershipId).param("areas", areaIds).query(DataStore::observation).list();
    }

    /** How many of each series' latest periods a dashboard tile reads: its latest figure, comparisons and a short trend. */
    public static final int RECENT_PERIODS = 40;

    /**
     * The latest {@link #RECENT_PERIODS} observations of each of the partnership's indicators in each given area, for
     * the dashboard, in period order. What is read does not grow with the history behind a series: for each indicator
     * and area pair the start of its 40th-latest period is found once through the index (indicator, area, period
     * start), and only the rows from there on are read through the same index.
     */
    public List<Observation> recentObservations(long partnershipId, Collection<Long> areaIds) {
        if (areaIds.isEmpty()) {
            return List.of();
        }
        // The cutoff is worked out once per indicator and area pair in a derived table: written in the WHERE clause,
        // H2 ran the correlated subquery again for every row it read, which grew with the square of the history.
        return jdbc.sql("""
                select o.id, o.indicator_id, o.area_id, o.period, o.period_start, o.observed_value, o.narrative, o.source,
                       o.quote, o.recorded_by, o.recorded_at, o.submitted_by, o.accepted_by, o.accepted_at, o.import_file,
                       o.explanation
                from (select i.id as indicator_id, a.id as area_id,
                             coalesce((select r.period_start from observation r where r.indicator_id = i.id and r.area_id = a.id
                                       order by r.period_start desc offset :older rows fetch next 1 rows only),
                                      date '0001-01-01') as since
                      from indicator i join data_area a on a.partnership_id = i.partnership_id
                      where i.partnership_id = :partnership and a.id in (:areas)) pair
                join observation o on o.indicator_id = pair.indicator_id and o.area_id = pair.area_id
                where o.period_start >= pair.since
                order by o.period_start, o.area_id""")
                .param("partnership", partnershipId).param("areas", areaIds).param("older", RECENT_PERIODS - 1)
                .query(DataStore::observation).list();
    }

    /** Every target of the partnership's indicators: indicator id to period to target, in one query. */
    public Map<Long, Map<String, BigDecimal>> allTargets(long partnershipId) {
        Map<Long, Map<String, BigDecimal>> targets = new HashMap<>();
        jdbc.sql("select t.indicator_id, t.period, t.target_value from indicator_target t"
                + " join indicator i on i.id = t.indicator_id where i.partnership_id = ?").param(partnershipId)
                .query(rs -> {
                    targets.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getBigDecimal(3));
                });
        return targets;
    }

    public Map<String, BigDecimal> targets(long indicatorId) {
        Map<String, BigDecimal> targets = new HashMap<>();
        jdbc.sql("select period, target_value from indicator_target where indicator_id = ?").param(indicatorId)
                .query((rs, n) -> targets.put(rs.getString(1), DataViews.plain(rs.getBigDecimal(2)))).list();
        return targets;
    }

    /** The earlier values of an indicator's figures in an area, newest first. */
    public List<DataViews.Revision> revisions(long indicatorId, long areaId) {
        return jdbc.sql("""
                select period, area_id, observed_value, narrative, explanation, recorded_by, recorded_at, replaced_by, replaced_at
                from observation_revision where indicator_id = ? and area_id = ? order by replaced_at desc, id desc""")
                .params(indicatorId, areaId)
                .query((rs, n) -> new DataViews.Revision(rs.getString(1), rs.getLong(2), DataViews.plain(rs.getBigDecimal(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, java.time.LocalDateTime.class),
                        rs.getString(8), rs.getObject(9, java.time.LocalDateTime.class)))
                .list();
    }

    /**
     * The figures of the indicators that rate checks compare (rates, their counts and populations), by period
     * and area: {@code "period|areaId"} to indicator code to value.
     */
    public Map<String, Map<String, BigDecimal>> rateFigures(long partnershipId, Collection<String> codes) {
        Map<String, Map<String, BigDecimal>> figures = new java.util.TreeMap<>();
        if (codes.isEmpty()) {
            return figures;
        }
        jdbc.sql("""
                select o.period, o.area_id, i.code, o.observed_value from observation o join indicator i on i.id = o.indicator_id
                where i.partnership_id = :partnership and i.code in (:codes)""")
                .param("partnership", partnershipId).param("codes", codes)
                .query(rs -> {
                    figures.computeIfAbsent(rs.getString(1) + "|" + rs.getLong(2), k -> new HashMap<>())
                            .put(rs.getString(3), DataViews.plain(rs.getBigDecimal(4)));
                });
        return figures;
    }

    /** Sets the range of values the partnership expects of an indicator (either end may be null). */
    public void setExpectedRange(long indicatorId, BigDecimal min, BigDecimal max) {
        jdbc.sql("update indicator set expected_min = ?, expected_max = ?, version = version + 1 where id = ?")
                .params(min, max, indicatorId).update();
    }

    /** Runs an insert and returns the new row's id. */
    public long insert(String sql, Object... params) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKey().longValue();
    }

    private static final String SELECT_INDICATOR = """
            select id, code, name, definition, unit, polarity, frequency, source_agency_id, source_agency, population_base,
                   seed_indicator, comparison_note, is_public, rate_of_code, population_code, part_of_code, expected_min,
                   expected_max from indicator""";

    private static final String SELECT_OBSERVATION = """
            select id, indicator_id, area_id, period, period_start, observed_value, narrative, source, quote, recorded_by,
                   recorded_at, submitted_by, accepted_by, accepted_at, import_file, explanation
            from observation""";

    private static Indicator indicator(ResultSet rs, Map<Long, List<Long>> priorities, Map<Long, List<Long>> groups)
            throws SQLException {
        long id = rs.getLong("id");
        long agency = rs.getLong("source_agency_id");
        Long agencyId = rs.wasNull() ? null : agency;
        return new Indicator(id, rs.getString("code"), rs.getString("name"), rs.getString("definition"),
                Unit.valueOf(rs.getString("unit")), Polarity.valueOf(rs.getString("polarity")),
                Frequency.valueOf(rs.getString("frequency")), agencyId, rs.getString("source_agency"),
                rs.getString("population_base"), rs.getString("seed_indicator"), rs.getString("comparison_note"),
                rs.getBoolean("is_public"), priorities.getOrDefault(id, List.of()), groups.getOrDefault(id, List.of()),
                rs.getString("rate_of_code"), rs.getString("population_code"), rs.getString("part_of_code"),
                DataViews.plain(rs.getBigDecimal("expected_min")), DataViews.plain(rs.getBigDecimal("expected_max")));
    }

    private static Observation observation(ResultSet rs, int n) throws SQLException {
        return new Observation(rs.getLong("id"), rs.getLong("indicator_id"), rs.getLong("area_id"), rs.getString("period"),
                rs.getObject("period_start", LocalDate.class), DataViews.plain(rs.getBigDecimal("observed_value")), rs.getString("narrative"),
                rs.getString("source"), rs.getString("quote"), rs.getString("recorded_by"),
                rs.getObject("recorded_at", java.time.LocalDateTime.class), rs.getString("submitted_by"), rs.getString("accepted_by"),
                rs.getObject("accepted_at", java.time.LocalDateTime.class), rs.getString("import_file"), rs.getString("explanation"));
    }
}
