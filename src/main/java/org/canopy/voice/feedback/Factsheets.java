package org.canopy.voice.feedback;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.canopy.privacy.Suppression;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The yearly factsheet of the views of children and young people, made from the log: who was heard, the main themes,
 * what changed. Its public form shows counts of 1 to 5 suppressed.
 */
@Service
class Factsheets {

    /** A row of the factsheet: what is counted, the count, and the count as published. */
    record Row(String label, long count, String shown) {
    }

    /** The factsheet of a financial year. */
    record Factsheet(String year, long total, String totalShown, List<Row> groups, List<Row> speakers, List<Row> ageBands, List<Row> themes,
            List<Responses.Response> changed) {
    }

    private final JdbcClient jdbc;
    private final FeedbackLog log;
    private final FeedbackThemes themes;
    private final Responses responses;

    Factsheets(JdbcClient jdbc, FeedbackLog log, FeedbackThemes themes, Responses responses) {
        this.jdbc = jdbc;
        this.log = log;
        this.themes = themes;
        this.responses = responses;
    }

    /** The factsheet for the year; {@code published} suppresses small counts as the public page must. */
    Factsheet of(long partnershipId, String year, boolean published) {
        if (!FeedbackLog.isFinancialYear(year)) {
            throw new NotFound("The factsheet for " + year);
        }
        var items = log.items(partnershipId, new FeedbackLog.Filter(year, null, null, null, null));
        long total = items.size();

        var groupCounts = new LinkedHashMap<String, Long>();
        log.engagementGroups(partnershipId).values().forEach(name -> groupCounts.put(name, 0L));
        long unnamed = 0;
        for (var i : items) {
            if (i.engagementGroup() != null) {
                groupCounts.merge(i.engagementGroup(), 1L, Long::sum);
            } else {
                unnamed++;
            }
        }
        var groupLabels = new ArrayList<>(groupCounts.keySet());
        var groupValues = new ArrayList<>(groupCounts.values());
        groupLabels.add("No group named");
        groupValues.add(unnamed);

        var speakerLabels = new ArrayList<String>();
        var speakerValues = new ArrayList<Long>();
        for (var s : Speaker.values()) {
            speakerLabels.add(s.label());
            speakerValues.add(items.stream().filter(i -> i.speaker() == s).count());
        }
        var ageLabels = new ArrayList<String>();
        var ageValues = new ArrayList<Long>();
        for (var a : AgeBand.values()) {
            ageLabels.add(a.label());
            ageValues.add(items.stream().filter(i -> i.ageBand() == a).count());
        }

        var ids = new HashSet<Long>();
        items.forEach(i -> ids.add(i.id()));
        var tags = log.themesByItem(partnershipId);
        var themeCounts = new LinkedHashMap<Long, Long>();
        var themeNames = new LinkedHashMap<Long, String>();
        themes.all(partnershipId).forEach(t -> themeNames.put(t.id(), t.name()));
        tags.forEach((item, list) -> {
            if (ids.contains(item)) {
                list.forEach(t -> themeCounts.merge(t.id(), 1L, Long::sum));
            }
        });
        var themeRows = new ArrayList<Row>();
        themeCounts.entrySet().stream().sorted(Map.Entry.<Long, Long>comparingByValue().reversed().thenComparing(e -> themeNames.get(e.getKey())))
                .forEach(e -> themeRows.add(new Row(themeNames.get(e.getKey()), e.getValue(),
                        published ? Suppression.publishCount(e.getValue()) : String.valueOf(e.getValue()))));

        var changed = responses.published(partnershipId).stream()
                .filter(r -> r.feedbackId() != null ? ids.contains(r.feedbackId()) : themeCounts.containsKey(r.themeId())).toList();

        var totalShown = published ? Suppression.publishCount(total) : String.valueOf(total);
        return new Factsheet(year, total, totalShown, rows(groupLabels, groupValues, total, published),
                rows(speakerLabels, speakerValues, total, published), rows(ageLabels, ageValues, total, published), themeRows, changed);
    }

    /** The parts of a total as rows, suppressed by the row rule when published (the total itself is shown once, above). */
    private static List<Row> rows(List<String> labels, List<Long> values, long total, boolean published) {
        var shown = published ? Suppression.publishRow(values, total) : null;
        var rows = new ArrayList<Row>();
        for (int i = 0; i < labels.size(); i++) {
            rows.add(new Row(labels.get(i), values.get(i), published ? shown.get(i) : String.valueOf(values.get(i))));
        }
        return rows;
    }

    /** The partnership a public page shows: the one named by {@code ?partnership=}, or the only one. */
    long publicPartnership(Long partnership) {
        var ids = jdbc.sql("select id from partnership order by id").query(Long.class).list();
        if (partnership != null && ids.contains(partnership)) {
            return partnership;
        }
        if (partnership == null && ids.size() == 1) {
            return ids.get(0);
        }
        if (partnership != null || ids.isEmpty()) {
            throw new NotFound("The partnership");
        }
        throw new InvalidInput("partnership", "Name the partnership: ?partnership= one of " + ids);
    }

    String partnershipName(long id) {
        return jdbc.sql("select name from partnership where id = ?").param(id).query(String.class).single();
    }
}
