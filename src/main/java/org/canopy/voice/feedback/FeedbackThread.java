package org.canopy.voice.feedback;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.canopy.partnership.CanopyUser;
import org.canopy.plan.PriorityRef;
import org.canopy.plan.PriorityThread;
import org.canopy.plan.ThreadEntry;
import org.canopy.plan.ThreadStrand;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The log's strands of a priority's golden thread: the themes and items bearing on it (an item directly or through its
 * theme) and the responses to them; and the themes a priority-setting round may cite. Everyone signed in reads them.
 */
@Component
class FeedbackThread implements PriorityThread {

    private final JdbcClient jdbc;
    private final FeedbackLog log;
    private final FeedbackThemes themes;
    private final Responses responses;

    FeedbackThread(JdbcClient jdbc, FeedbackLog log, FeedbackThemes themes, Responses responses) {
        this.jdbc = jdbc;
        this.log = log;
        this.themes = themes;
        this.responses = responses;
    }

    @Override
    public List<ThreadEntry> about(CanopyUser user, PriorityRef priority, Set<Long> leadGroupIds) {
        long p = user.partnershipId();
        var themeIds = new LinkedHashSet<>(jdbc.sql("""
                select tp.theme_id from feedback_theme_priority tp join feedback_theme t on t.id = tp.theme_id
                where t.partnership_id = ? and tp.priority_id = ? order by tp.theme_id""").params(p, priority.id()).query(Long.class).list());
        var entries = new ArrayList<ThreadEntry>();
        for (var t : themes.all(p)) {
            if (themeIds.contains(t.id())) {
                entries.add(new ThreadEntry(ThreadStrand.CHILDREN_VOICE, "FEEDBACK_THEME", String.valueOf(t.id()), t.name(), items(t.items()),
                        "/voice/themes/" + t.id(), null));
            }
        }
        var itemIds = new LinkedHashSet<Long>();
        for (var i : log.items(p, new FeedbackLog.Filter(null, null, null, null, priority.id()))) {
            itemIds.add(i.id());
            entries.add(new ThreadEntry(ThreadStrand.CHILDREN_VOICE, "FEEDBACK", String.valueOf(i.id()), shortWords(i.words()),
                    i.speaker().label() + ", " + (i.heardWhen() != null ? i.heardWhen() : i.heardIn()), "/voice/feedback/" + i.id(), null));
        }
        for (var r : responses.all(p)) {
            if (r.feedbackId() != null ? itemIds.contains(r.feedbackId()) : themeIds.contains(r.themeId())) {
                entries.add(new ThreadEntry(ThreadStrand.RESPONSES, "RESPONSE", String.valueOf(r.id()), shortWords(r.done()),
                        "By " + r.doneBy(), r.href(), r.published() ? "Published" : "Not published"));
            }
        }
        return entries;
    }

    @Override
    public List<ThreadEntry> citable(CanopyUser user) {
        return themes.all(user.partnershipId()).stream().map(t -> new ThreadEntry(ThreadStrand.CHILDREN_VOICE, "FEEDBACK_THEME",
                String.valueOf(t.id()), t.name(), items(t.items()), "/voice/themes/" + t.id(), null)).toList();
    }

    private static String items(int count) {
        return count == 1 ? "1 item" : count + " items";
    }

    private static String shortWords(String words) {
        return words.length() <= 120 ? words : words.substring(0, 119) + "\u2026";
    }
}
