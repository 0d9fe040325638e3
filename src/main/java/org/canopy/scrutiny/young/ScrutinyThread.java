package org.canopy.scrutiny.young;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.canopy.partnership.CanopyUser;
import org.canopy.plan.PriorityRef;
import org.canopy.plan.PriorityThread;
import org.canopy.plan.ThreadEntry;
import org.canopy.plan.ThreadStrand;
import org.canopy.scrutiny.access.ScrutinyAccess;
import org.canopy.scrutiny.challenges.Challenges;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The scrutiny module's strands of a priority's golden thread: the challenges to its lead groups that the person may
 * read, and the young scrutineer allocated to its lead group (none allocated stays an absence); and what a
 * priority-setting round may cite: the scrutineer's yearly statements and the challenges, named by number and
 * target only, since a round's citations are read by everyone signed in.
 */
@Component
class ScrutinyThread implements PriorityThread {

    private final Challenges challenges;
    private final YoungScrutineers young;
    private final ScrutinyAccess access;
    private final JdbcClient jdbc;

    ScrutinyThread(Challenges challenges, YoungScrutineers young, ScrutinyAccess access, JdbcClient jdbc) {
        this.challenges = challenges;
        this.young = young;
        this.access = access;
        this.jdbc = jdbc;
    }

    @Override
    public List<ThreadEntry> about(CanopyUser user, PriorityRef priority, Set<Long> leadGroupIds) {
        var entries = new ArrayList<ThreadEntry>();
        var today = challenges.today();
        for (var c : challenges.readable(user)) {
            if (c.toGroupId() != null && leadGroupIds.contains(c.toGroupId())) {
                entries.add(new ThreadEntry(ThreadStrand.SCRUTINY, "CHALLENGE", String.valueOf(c.id()), abbreviate(c.text(), 200),
                        "To " + c.toName() + (c.whatChanged() == null ? "" : "; what changed: " + abbreviate(c.whatChanged(), 200)),
                        "/scrutiny/challenges/" + c.id(), c.status(today).label()));
            }
        }
        for (var y : young.all(user.partnershipId())) {
            if (!leadGroupIds.contains(y.groupId())) {
                continue;
            }
            // A child's name, for those who may know it; everyone else reads that the priority has one.
            boolean known = access.mayKnowYoungScrutineerOf(user, y.groupId());
            entries.add(new ThreadEntry(ThreadStrand.YOUNG_SCRUTINEER, "YOUNG_SCRUTINEER", String.valueOf(y.id()),
                    known ? y.name() : "The priority has a young scrutineer",
                    "The priority's young scrutineer, mentored by the independent scrutineer", "/scrutiny/young-scrutineers",
                    null));
        }
        return entries;
    }

    @Override
    public List<ThreadEntry> citable(CanopyUser user) {
        var entries = new ArrayList<ThreadEntry>();
        jdbc.sql("select id, statement_year from scrutiny_statement where partnership_id = ? order by statement_year desc")
                .param(user.partnershipId())
                .query((rs, n) -> entries.add(new ThreadEntry(ThreadStrand.SCRUTINY, "SCRUTINY_STATEMENT", String.valueOf(rs.getLong(1)),
                        "The independent scrutineer's statement " + rs.getString(2), null, "/scrutiny/statement", null)))
                .list();
        for (var c : challenges.readable(user)) {
            entries.add(new ThreadEntry(ThreadStrand.SCRUTINY, "CHALLENGE", String.valueOf(c.id()),
                    "Challenge " + c.id() + " to " + c.toName(), null, "/scrutiny/challenges/" + c.id(), null));
        }
        return entries;
    }

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
