package org.canopy.governance.boards;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.canopy.governance.GroupSummary;
import org.canopy.governance.Groups;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.RecordChanged;
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

/**
 * The linked boards: their remit, the priorities held jointly with them and the items referred to and from them.
 * Everyone in the partnership reads them; the administrator or a group's chair (or vice-chair) records referrals and
 * their outcome.
 */
@Service
class LinkedBoards {

    /** Which way an item went. */
    public enum Direction {
        TO_BOARD("Referred to the board"), FROM_BOARD("Referred from the board");

        private final String label;

        Direction(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A linked board as stored. */
    record Board(long id, String name, String remit, String note) {
    }

    /** An item referred to or from a board. */
    record Referral(long id, long boardId, String boardName, Direction direction, LocalDate referredOn, String subject,
            String outcome, String recordedBy, LocalDateTime recordedAt, int version) {
    }

    private final JdbcClient jdbc;
    private final Groups groups;
    private final IdentifierGuard guard;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LinkedBoards(JdbcClient jdbc, Groups groups, IdentifierGuard guard, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.guard = guard;
        this.events = events;
        this.clock = clock;
    }

    List<Board> boards(long partnershipId) {
        return jdbc.sql("select id, name, remit, note from linked_board where partnership_id = ? order by position, lower(name)")
                .param(partnershipId).query((rs, n) -> new Board(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    Board board(long partnershipId, long id) {
        return boards(partnershipId).stream().filter(b -> b.id() == id).findFirst().orElseThrow(() -> new NotFound("The linked board"));
    }

    /** The governance groups holding priorities jointly with the board. */
    List<GroupSummary> jointPriorities(long partnershipId, long boardId) {
        var ids = jdbc.sql("select group_id from linked_board_priority where partnership_id = ? and board_id = ? order by group_id")
                .params(partnershipId, boardId).query(Long.class).list();
        return groups.byIds(partnershipId, ids);
    }

    /** The boards holding a priority jointly with the group. */
    List<Board> boardsSharing(long partnershipId, long groupId) {
        var ids = jdbc.sql("select board_id from linked_board_priority where partnership_id = ? and group_id = ?")
                .params(partnershipId, groupId).query(Long.class).list();
        return boards(partnershipId).stream().filter(b -> ids.contains(b.id())).toList();
    }

    List<Referral> referrals(long partnershipId, Long boardId) {
        return jdbc.sql("""
                select r.id, r.board_id, b.name, r.direction, r.referred_on, r.subject, r.outcome, r.recorded_by, r.recorded_at,
                       r.version from board_referral r join linked_board b on b.id = r.board_id
                where r.partnership_id = :p and (:board < 0 or r.board_id = :board) order by r.referred_on desc, r.id desc""")
                .param("p", partnershipId).param("board", boardId == null ? -1L : boardId)
                .query((rs, n) -> new Referral(rs.getLong(1), rs.getLong(2), rs.getString(3), Direction.valueOf(rs.getString(4)),
                        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getObject(9, LocalDateTime.class), rs.getInt(10)))
                .list();
    }

    /** The administrator, or a person who chairs or vice-chairs one of the partnership's groups. */
    boolean mayRecord(CanopyUser user) {
        return user.isAdministrator() || groups.groupIdsOf(user.id()).stream().anyMatch(g -> groups.runs(user, g));
    }

    @Transactional
    Referral refer(CanopyUser user, long boardId, Map<String, String> form) {
        requireRecorder(user);
        var board = board(user.partnershipId(), boardId);
        var problems = new ArrayList<FieldProblem>();
        Direction direction = null;
        try {
            direction = Direction.valueOf(form.getOrDefault("direction", ""));
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of("direction", "Select whether the item was referred to or from the board"));
        }
        var on = DateInput.fromForm(form::get, "referredOn").read("referredOn", "The date of the referral", true,
                DateInput.Range.PAST, LocalDate.now(clock), problems);
        String subject = guard.freeText("subject", "The subject", form.get("subject"), true, 400, problems, FieldProblem::of);
        String outcome = guard.freeText("outcome", "The outcome", form.get("outcome"), false, 4000, problems, FieldProblem::of);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into board_referral (partnership_id, board_id, direction, referred_on, subject, outcome, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""").params(user.partnershipId(), boardId, direction.name(), on, subject, outcome,
                user.getUsername(), LocalDateTime.now(clock)).update(keys, "id");
        long id = keys.getKey().longValue();
        var added = referral(user.partnershipId(), id);
        events.publishEvent(RecordChanged.by(user, "board-referral", id, "recorded", "Recorded an item "
                + (direction == Direction.TO_BOARD ? "referred to " : "referred from ") + board.name(), null, added));
        return added;
    }

    @Transactional
    Referral recordOutcome(CanopyUser user, long boardId, long referralId, String outcome, int version) {
        requireRecorder(user);
        var before = referral(user.partnershipId(), referralId);
        if (before.boardId() != boardId) {
            throw new NotFound("The referral");
        }
        var problems = new ArrayList<FieldProblem>();
        String text = guard.freeText("outcome", "The outcome", outcome, true, 4000, problems, FieldProblem::of);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int changed = jdbc.sql("update board_referral set outcome = ?, version = version + 1 where partnership_id = ? and id = ? and version = ?")
                .params(text, user.partnershipId(), referralId, version).update();
        if (changed == 0) {
            throw new EditConflict("Someone else changed this referral while you were editing it: check it and make your change again");
        }
        var after = referral(user.partnershipId(), referralId);
        events.publishEvent(RecordChanged.by(user, "board-referral", referralId, "outcome", "Recorded the outcome of "
                + before.subject(), before, after));
        return after;
    }

    /** Adds a board with its remit (the demo loader's, and a partnership's own setup). */
    long addBoard(long partnershipId, String actor, String name, String remit, String note, int position) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into linked_board (partnership_id, name, remit, note, position) values (?, ?, ?, ?, ?)")
                .params(partnershipId, name, remit, note, position).update(keys, "id");
        long id = keys.getKey().longValue();
        events.publishEvent(new RecordChanged(partnershipId, actor, "linked-board", String.valueOf(id), "created",
                "Added linked board " + name, null, new Board(id, name, remit, note)));
        return id;
    }

    /** Records that a governance group's priority is held jointly with the board. */
    void holdJointly(long partnershipId, String actor, long boardId, long groupId) {
        jdbc.sql("insert into linked_board_priority (board_id, partnership_id, group_id) values (?, ?, ?)")
                .params(boardId, partnershipId, groupId).update();
        events.publishEvent(new RecordChanged(partnershipId, actor, "linked-board", String.valueOf(boardId), "joint-priority",
                "Held a priority jointly with a linked board", null, Map.of("groupId", groupId)));
    }

    private Referral referral(long partnershipId, long id) {
        return referrals(partnershipId, null).stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> new NotFound("The referral"));
    }

    private void requireRecorder(CanopyUser user) {
        if (!mayRecord(user)) {
            throw new AccessDeniedException("Only the administrator or a group's chair records items referred to and from linked boards");
        }
    }
}
