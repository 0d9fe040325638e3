package org.canopy.plan.files;

import java.time.LocalDate;
import java.util.List;
import org.canopy.governance.GroupType;

/** A plan as read from a plan file (format {@code canopy-plan/1}, see docs/plan-file-format.md), already validated. */
public record PlanFile(String title, LocalDate start, LocalDate end, String introduction,
        List<CrossCutting> crossCuttingPriorities, List<String> communityPlanThemes,
        List<String> communityPlanCrossCuttingPriorities, List<String> linkedStrategies, List<String> partners,
        List<LeadGroup> groups, List<Section> sections) {

    static final String FORMAT = "canopy-plan/1";

    public record CrossCutting(String title, String description) {
    }

    public record LeadGroup(String name, GroupType type) {
    }

    public record Article(int number, String title) {
    }

    public record Section(int number, String title, String focus, String scope, String vision, List<Article> uncrcArticles,
            List<String> achievements, List<String> challenges, List<String> indicators, List<Priority> priorities) {
    }

    public record Priority(int number, String title, String leadStatement, List<String> leadGroups, List<Action> actions) {
    }

    public record Action(String text, List<String> crossCutting) {
    }
}
