package org.canopy.learning.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.canopy.learning.access.LearningAccess;
import org.canopy.learning.actionplan.ActionPlan;
import org.canopy.learning.audits.Audits;
import org.canopy.learning.incidents.Incidents;
import org.canopy.learning.reviews.LocalReviews;
import org.canopy.learning.reviews.SeriousCaseReviews;
import org.canopy.learning.sources.Source;
import org.canopy.learning.sources.SourceKind;
import org.canopy.web.NotFound;
import org.springframework.stereotype.Service;

/**
 * The learning library: every review, audit and briefing with a summary, its learning themes and its
 * recommendations, found by theme and by words: serious case reviews, audits, and the rapid and local
 * reviews of the partnership's serious incidents (each named by the incident's pseudonym).
 */
@Service
public class LearningLibrary {

    /**
     * One entry; {@code link} is null and {@code caseRestricted} true for a rapid or local review shown to someone who
     * may not read case records (its learning is shown, its case is not).
     */
    record Entry(Source source, String kindLabel, String title, String link, String summary, List<String> themes,
            List<ActionPlan.Recommendation> recommendations, boolean briefing, String fullText, boolean caseRestricted) {
    }

    private final ActionPlan plan;
    private final SeriousCaseReviews reviews;
    private final Audits audits;
    private final Briefings briefings;
    private final Incidents incidents;
    private final LocalReviews localReviews;

    LearningLibrary(ActionPlan plan, SeriousCaseReviews reviews, Audits audits, Briefings briefings, Incidents incidents,
            LocalReviews localReviews) {
        this.incidents = incidents;
        this.localReviews = localReviews;
        this.plan = plan;
        this.reviews = reviews;
        this.audits = audits;
        this.briefings = briefings;
    }

    /** Every source the partnership knows of: its serious case reviews, audits, and the reviews its recommendations and briefings name. */
    public List<Source> sources(long partnershipId) {
        var all = new LinkedHashMap<String, Source>();
        reviews.reviews(partnershipId).forEach(r -> all.put(r.source().key(), r.source()));
        incidentReviews(partnershipId).forEach(r -> all.put(r.source().key(), r.source()));
        audits.audits(partnershipId).forEach(a -> all.put(a.source().key(), a.source()));
        plan.recommendations(partnershipId).forEach(r -> r.sources().forEach(s -> all.putIfAbsent(s.key(), s)));
        briefings.briefings(partnershipId).forEach(b -> all.putIfAbsent(b.source().key(), b.source()));
        return List.copyOf(all.values());
    }

    /** Every source as a reader sees it: a review of a serious incident is named by the incident's pseudonym for case readers only. */
    public List<Source> sources(long partnershipId, boolean caseReader) {
        return sources(partnershipId).stream().map(s -> LearningAccess.shown(caseReader, s)).toList();
    }

    /** The known source with that key, or not found. */
    public Source source(long partnershipId, String key) {
        return sources(partnershipId).stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFound("The review or audit"));
    }

    /**
     * The library's entries as a reader sees them: each source, then each briefing, matching {@code theme} (exactly, if
     * given) and containing every word of {@code query} in its title, summary, themes or recommendations (if given).
     * For one who may not read case records ({@code caseReader} false) a review of a serious incident keeps its learning
     * but loses its pseudonym, its case summary and its link to the case; the words are matched against what is shown,
     * so a search cannot reveal what a hidden summary says.
     */
    List<Entry> entries(long partnershipId, boolean caseReader, String theme, String query) {
        var recommendations = LearningAccess.shown(caseReader, plan.recommendations(partnershipId));
        var entries = new ArrayList<Entry>();
        var summaries = new LinkedHashMap<String, String>();
        var links = new LinkedHashMap<String, String>();
        var extraThemes = new LinkedHashMap<String, String>();
        reviews.reviews(partnershipId).forEach(r -> {
            summaries.put(r.source().key(), r.summary());
            links.put(r.source().key(), "/learning/serious-case-reviews/" + r.id());
        });
        incidentReviews(partnershipId).forEach(r -> {
            summaries.put(r.source().key(), r.summary());
            links.put(r.source().key(), "/learning/incidents/" + r.source().id());
        });
        audits.audits(partnershipId).forEach(a -> {
            summaries.put(a.source().key(), a.findings() != null ? a.findings() : a.theme());
            links.put(a.source().key(), "/learning/audits/" + a.id());
            if (a.theme() != null) {
                extraThemes.put(a.source().key(), a.theme().toLowerCase(Locale.UK));
            }
        });
        var written = briefings.briefings(partnershipId);
        for (var source : sources(partnershipId)) {
            var recs = recommendations.stream().filter(r -> r.sources().contains(source)
                    || r.sources().stream().anyMatch(s -> s.key().equals(source.key()))).toList();
            var themes = themesOf(recs, extraThemes.get(source.key()));
            boolean hasBriefing = written.stream().anyMatch(b -> b.source().key().equals(source.key()));
            boolean restricted = !caseReader && LearningAccess.namesCase(source);
            var shown = LearningAccess.shown(caseReader, source);
            entries.add(new Entry(shown, source.kind().label(), shown.title(),
                    restricted ? null : links.getOrDefault(source.key(), "/learning/briefings/" + source.key()),
                    restricted ? null : summaries.get(source.key()), themes, recs, hasBriefing, null, restricted));
        }
        for (var b : written) {
            var recs = recommendations.stream().filter(r -> r.sources().stream().anyMatch(s -> s.key().equals(b.source().key()))).toList();
            entries.add(new Entry(LearningAccess.shown(caseReader, b.source()), "Seven-minute briefing",
                    LearningAccess.shown(caseReader, b.source()).label(), "/learning/briefings/" + b.source().key(),
                    b.summary(), themesOf(recs, extraThemes.get(b.source().key())), recs, true,
                    String.join("\n", b.parts().stream().filter(t -> t != null).toList()), false));
        }
        return entries.stream().filter(e -> matchesTheme(e, theme)).filter(e -> matchesWords(e, query)).toList();
    }

    /** A rapid or local review of a serious incident, as a source, with the summary the library shows. */
    record IncidentReview(Source source, String summary) {
    }

    /** The rapid review and the local review (where held) of each serious incident; the incident's id names both. */
    List<IncidentReview> incidentReviews(long partnershipId) {
        var rapid = incidents.rapidReviewDates(partnershipId);
        var local = localReviews.localReviews(partnershipId);
        var found = new ArrayList<IncidentReview>();
        for (var incident : incidents.incidents(partnershipId)) {
            var review = rapid.get(incident.id());
            if (review != null) {
                String decision = review.decision() == null ? "No decision yet." : "Decision: " + review.decision().label() + "."
                        + (review.decisionReasons() == null ? "" : " " + review.decisionReasons());
                found.add(new IncidentReview(new Source(SourceKind.RAPID_REVIEW, incident.id(), incident.pseudonym()),
                        (incident.summary() == null ? "" : incident.summary() + " ") + decision));
            }
            var localReview = local.get(incident.id());
            if (localReview != null) {
                found.add(new IncidentReview(new Source(SourceKind.LOCAL_REVIEW, incident.id(), incident.pseudonym()),
                        localReview.progress() != null ? localReview.progress() : incident.summary()));
            }
        }
        return found;
    }

    /** Every theme tagged on a recommendation or audit, alphabetically. */
    List<String> themes(long partnershipId) {
        var all = new java.util.TreeSet<String>(plan.themes(partnershipId));
        audits.audits(partnershipId).stream().map(Audits.Audit::theme).filter(t -> t != null)
                .forEach(t -> all.add(t.toLowerCase(Locale.UK)));
        return List.copyOf(all);
    }

    private static List<String> themesOf(List<ActionPlan.Recommendation> recs, String extra) {
        var themes = new LinkedHashSet<String>();
        if (extra != null) {
            themes.add(extra);
        }
        recs.forEach(r -> themes.addAll(r.themes()));
        return List.copyOf(themes);
    }

    private static boolean matchesTheme(Entry e, String theme) {
        return theme == null || theme.isBlank() || e.themes().contains(theme.strip().toLowerCase(Locale.UK));
    }

    private static boolean matchesWords(Entry e, String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String haystack = Stream.concat(Stream.of(e.title(), e.summary(), e.kindLabel(), e.fullText()),
                Stream.concat(e.themes().stream(), e.recommendations().stream().flatMap(r -> Stream.of(r.text(), r.evidence()))))
                .filter(s -> s != null).reduce("", (a, b) -> a + "\n" + b).toLowerCase(Locale.UK);
        return Stream.of(query.toLowerCase(Locale.UK).split("\\s+")).filter(w -> !w.isBlank()).allMatch(haystack::contains);
    }
}
