package org.canopy.plan.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.canopy.governance.GroupSummary;
import org.canopy.plan.Rag;

/** The read side of a plan, as pages, exports and the API show it. */
final class PlanViews {

    private PlanViews() {
    }

    record PlanSummary(long id, String title, LocalDate start, LocalDate end) {
    }

    record CrossCuttingView(long id, String title, String description) {
    }

    record Article(int number, String title) {
    }

    record PlanView(long id, String title, LocalDate start, LocalDate end, String introduction,
            List<CrossCuttingView> crossCuttingPriorities, List<String> communityPlanThemes,
            List<String> communityPlanCrossCuttingPriorities, List<String> linkedStrategies, List<String> partners,
            List<SectionView> sections) {

        public Rag rag() {
            return Rag.rollUp(sections.stream().map(SectionView::rag).toList());
        }

        public List<PriorityView> priorities() {
            return sections.stream().flatMap(s -> s.priorities().stream()).toList();
        }

        public List<ActionView> actions() {
            return priorities().stream().flatMap(p -> p.actions().stream()).toList();
        }
    }

    record SectionView(long id, int number, String title, String focus, String scope, String vision,
            List<Article> uncrcArticles, List<String> achievements, List<String> challenges, List<String> indicators,
            List<PriorityView> priorities) {

        public Rag rag() {
            return Rag.rollUp(priorities.stream().map(PriorityView::rag).toList());
        }
    }

    record PriorityView(long id, int sectionNumber, int number, String title, String leadStatement,
            List<GroupSummary> leadGroups, List<ActionView> actions) {

        public Rag rag() {
            return Rag.rollUp(actions.stream().map(ActionView::rag).toList());
        }

        public List<String> leadGroupNames() {
            return leadGroups.stream().map(GroupSummary::name).toList();
        }

        /** How many actions have each status, for the priority's summary line. */
        public StatusCounts counts() {
            return StatusCounts.of(actions.stream().map(ActionView::rag).toList());
        }
    }

    record ActionView(long id, long priorityId, int priorityNumber, int position, String text,
            List<String> crossCutting, UpdateView latest) {

        public Rag rag() {
            return latest == null ? null : latest.rag();
        }

        /** The action's number as people cite it, like 9.2 (priority 9, second action). */
        public String reference() {
            return priorityNumber + "." + position;
        }
    }

    record UpdateView(long id, long actionId, String period, Rag rag, String narrative, String correctiveStep,
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

    record RoundView(long id, long planId, String period, LocalDate dueDate, LocalDateTime openedAt, String openedBy,
            LocalDateTime closedAt, String closedBy) {

        public boolean open() {
            return closedAt == null;
        }
    }
}
