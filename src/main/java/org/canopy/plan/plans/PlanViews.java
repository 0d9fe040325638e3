package org.canopy.plan.plans;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.canopy.governance.GroupSummary;
import org.canopy.plan.Rag;
import org.canopy.web.StatusTag;

/** The read side of a plan, as pages, exports and the API show it. */
public final class PlanViews {

    private PlanViews() {
    }

    public record PlanSummary(long id, String title, LocalDate start, LocalDate end, String periodText) {

        /** When it runs, in words (see {@link PlanViews#runs}). */
        public String runs() {
            return PlanViews.runs(start, end, periodText, PlanViews::date);
        }
    }

    private static final java.time.format.DateTimeFormatter DATE =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);

    static String date(LocalDate date) {
        return DATE.format(date);
    }

    /**
     * When a plan runs, as pages show it: "1 April 2016 to 31 March 2019", or its period in words (a plan made from a
     * priority-setting round, "From early 2021"), or "From 1 April 2021" with no end date.
     */
    public static String runs(LocalDate start, LocalDate end, String periodText, java.util.function.Function<LocalDate, String> date) {
        if (periodText != null && !periodText.isBlank()) {
            return periodText;
        }
        if (start == null) {
            return end == null ? "Dates not stated" : "Until " + date.apply(end);
        }
        return end == null ? "From " + date.apply(start) : date.apply(start) + " to " + date.apply(end);
    }

    public record CrossCuttingView(long id, String title, String description) {
    }

    /**
     * A cross-cutting priority an action is tagged with: stated in the plan's own file ({@code taggedBy} null)
     * or made by the partnership in Canopy.
     */
    public record Tag(long crossCuttingId, String title, String taggedBy, LocalDateTime taggedAt) {

        public boolean partnershipsOwn() {
            return taggedBy != null;
        }
    }

    /** An action in context: its plan and priority, for pages and permission checks. */
    public record ActionInPlan(PlanView plan, PriorityView priority, ActionView action) {
    }

    /** The round a status counts updates in: the plan's open round, or else its latest. */
    record CurrentRound(String period, boolean open) {
    }

    record Article(int number, String title) {
    }

    public record PlanView(long id, String title, LocalDate start, LocalDate end, String introduction,
            List<CrossCuttingView> crossCuttingPriorities, List<String> communityPlanThemes,
            List<String> communityPlanCrossCuttingPriorities, List<String> linkedStrategies, List<String> partners,
            CurrentRound round, List<SectionView> sections, String periodText, List<PriorityView> unsectioned) {

        /** A plan of sections only, with its dates (no period in words, no priority outside a section). */
        public PlanView(long id, String title, LocalDate start, LocalDate end, String introduction,
                List<CrossCuttingView> crossCuttingPriorities, List<String> communityPlanThemes,
                List<String> communityPlanCrossCuttingPriorities, List<String> linkedStrategies, List<String> partners,
                CurrentRound round, List<SectionView> sections) {
            this(id, title, start, end, introduction, crossCuttingPriorities, communityPlanThemes,
                    communityPlanCrossCuttingPriorities, linkedStrategies, partners, round, sections, null, List.of());
        }

        /** When it runs, in words: its dates, or its period in words when it has one (see {@link PlanViews#runs}). */
        public String runs() {
            return PlanViews.runs(start, end, periodText, PlanViews::date);
        }

        /** Sections roll up into the plan, and so do priorities held in no section (a plan made from a round). */
        public Rag rag() {
            var statuses = new ArrayList<Rag>(sections.stream().map(SectionView::rag).toList());
            unsectioned.forEach(p -> statuses.add(p.rag()));
            return Rag.rollUp(statuses);
        }

        /** The plan's status with how many of its actions are up to date this round. */
        public Status status() {
            return Status.of(rag(), round, actions());
        }

        /** Every priority: those of each section in order, then those held in no section. */
        public List<PriorityView> priorities() {
            var all = new ArrayList<PriorityView>(sections.stream().flatMap(s -> s.priorities().stream()).toList());
            all.addAll(unsectioned);
            return all;
        }

        public List<ActionView> actions() {
            return priorities().stream().flatMap(p -> p.actions().stream()).toList();
        }

        /** How many actions carry a cross-cutting tag that the plan states ({@code partnerships} false) or the partnership made. */
        public long taggedActions(boolean partnerships) {
            return actions().stream().filter(a -> a.tags().stream().anyMatch(t -> t.partnershipsOwn() == partnerships)).count();
        }
    }

    public record SectionView(long id, int number, String title, String focus, String scope, String vision,
            List<Article> uncrcArticles, List<String> achievements, List<String> challenges, List<String> indicators,
            List<PriorityView> priorities, CurrentRound round) {

        public Rag rag() {
            return Rag.rollUp(priorities.stream().map(PriorityView::rag).toList());
        }

        /** The section's status with how many of its actions are up to date this round. */
        public Status status() {
            return Status.of(rag(), round, priorities.stream().flatMap(p -> p.actions().stream()).toList());
        }
    }

    /** {@code sectionNumber} is null for a priority held in no section. */
    public record PriorityView(long id, Integer sectionNumber, int number, String title, String leadStatement,
            List<GroupSummary> leadGroups, List<ActionView> actions, CurrentRound round) {

        public Rag rag() {
            return Rag.rollUp(actions.stream().map(ActionView::rag).toList());
        }

        /** The priority's status with how many of its actions are up to date this round. */
        public Status status() {
            return Status.of(rag(), round, actions);
        }

        public List<String> leadGroupNames() {
            return leadGroups.stream().map(GroupSummary::name).toList();
        }

        /** How many actions have each status, for the priority's summary line. */
        public StatusCounts counts() {
            return StatusCounts.of(actions.stream().map(ActionView::rag).toList());
        }
    }

    public record ActionView(long id, long priorityId, int priorityNumber, int position, String text,
            List<Tag> tags, UpdateView latest, boolean updatedThisRound) {

        public Rag rag() {
            return latest == null ? null : latest.rag();
        }

        /** Counted as known this round: it has an update for the round's quarter, or it is already complete. */
        public boolean upToDate() {
            return updatedThisRound || (latest != null && latest.rag() == Rag.COMPLETE);
        }

        /** The titles of the cross-cutting priorities it is tagged with, the plan's and the partnership's. */
        public List<String> crossCutting() {
            return tags.stream().map(Tag::title).toList();
        }

        /** Whether it is tagged with that cross-cutting priority, by the plan or the partnership. */
        public boolean tagged(long crossCuttingId) {
            return tags.stream().anyMatch(t -> t.crossCuttingId() == crossCuttingId);
        }

        /** Whether the plan itself tags it with that cross-cutting priority. */
        public boolean taggedInPlan(long crossCuttingId) {
            return tags.stream().anyMatch(t -> t.crossCuttingId() == crossCuttingId && !t.partnershipsOwn());
        }

        /** Its tags as an export cell shows them, the partnership's marked as such. */
        public String crossCuttingText() {
            return String.join("; ", tags.stream()
                    .map(t -> t.partnershipsOwn() ? t.title() + " (tagged in Canopy by the partnership)" : t.title())
                    .toList());
        }

        /** The action's number as people cite it, like 9.2 (priority 9, second action). */
        public String reference() {
            return priorityNumber + "." + position;
        }
    }

    public record UpdateView(long id, long actionId, String period, Rag rag, String narrative, String correctiveStep,
            String evidenceUrl, String author, LocalDateTime createdAt, LocalDateTime updatedAt, int version) {

        /** A red update with no corrective step is flagged for the group and the administrator. */
        public boolean flagged() {
            return rag == Rag.RED && (correctiveStep == null || correctiveStep.isBlank());
        }
    }

    record StatusCounts(int red, int amber, int green, int complete, int none) {

        static StatusCounts of(List<Rag> statuses) {
            int[] c = new int[5];
            for (Rag r : statuses) {
                c[r == null ? 4 : switch (r) {
                    case RED -> 0;
                    case AMBER -> 1;
                    case GREEN -> 2;
                    case COMPLETE -> 3;
                }]++;
            }
            return new StatusCounts(c[0], c[1], c[2], c[3], c[4]);
        }

        /** "2 red, 1 green, 3 with no update" */
        public String describe() {
            var parts = new ArrayList<String>();
            if (red > 0) parts.add(red + " red");
            if (amber > 0) parts.add(amber + " amber");
            if (green > 0) parts.add(green + " green");
            if (complete > 0) parts.add(complete + " complete");
            if (none > 0) parts.add(none + " with no update");
            return String.join(", ", parts);
        }
    }

    /**
     * A rolled-up status and how much of it is known: of {@code actions}, how many are up to date in the
     * current round. Green or complete from fewer than half of them reads "Not enough updates", by {@link #RULE}.
     */
    public record Status(Rag rag, CurrentRound round, int upToDate, int completeEarlier, int actions) implements StatusTag {

        /** How much is known, as the pages state it beside the roll-up rule. */
        static final String RULE = "A status also says how many actions it rests on: those with an update in this "
                + "round (the open round, or the latest if none is open), counting as well actions already complete. "
                + "When fewer than half of the actions have one, a status that would be green or complete reads "
                + "'Not enough updates' instead: it is not known to be on track. Red and amber always show, "
                + "however few actions have reported.";

        static Status of(Rag rag, CurrentRound round, List<ActionView> actions) {
            int upToDate = (int) actions.stream().filter(ActionView::upToDate).count();
            int completeEarlier = (int) actions.stream().filter(a -> a.upToDate() && !a.updatedThisRound()).count();
            return new Status(rag, round, upToDate, completeEarlier, actions.size());
        }

        /** At least half of the actions are up to date (and at least one). */
        public boolean enoughUpdates() {
            return upToDate > 0 && 2 * upToDate >= actions;
        }

        /** Whether a green or complete roll-up rests on too few actions to be shown as such. */
        public boolean notEnoughUpdates() {
            return (rag == Rag.GREEN || rag == Rag.COMPLETE) && !enoughUpdates();
        }

        /** The tag as it reads: grey "No update" or "Not enough updates" when nothing, or not enough, is known. */
        @Override
        public Tag tag() {
            if (rag == null) {
                return new Tag("No update", "govuk-tag--grey");
            }
            return notEnoughUpdates() ? new Tag("Not enough updates", "govuk-tag--grey") : rag.tag();
        }

        /** "1 of 4 actions updated this round (2018-19-Q4)", with what the few updates say when not enough. */
        public String detail() {
            if (round == null) {
                return "No update round yet";
            }
            String which = round.open() ? "this round (" + round.period() + ")" : "in the last round (" + round.period() + ")";
            String known = upToDate + " of " + actions + (actions == 1 ? " action" : " actions") + " updated " + which
                    + (completeEarlier > 0 ? " or already complete" : "");
            return notEnoughUpdates() ? rag.label() + " from the few reported: " + known : known;
        }
    }

    public record RoundView(long id, long planId, String period, LocalDate dueDate, LocalDateTime openedAt, String openedBy,
            LocalDateTime closedAt, String closedBy) {

        public boolean open() {
            return closedAt == null;
        }
    }
}
