package org.canopy.plan.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.canopy.governance.GroupType;
import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and validates a plan file. YAML is read with a YAML parser, which also reads JSON (JSON is
 * YAML). Every problem is collected with the path of the field it concerns, so that a person can fix
 * the whole file in one go; nothing is returned unless the file is valid throughout.
 */
@Component
class PlanFileReader {

    static final int MAX_TEXT = 4000;
    static final int MAX_TITLE = 300;

    private final YAMLMapper yaml = YAMLMapper.builder().build();

    PlanFile read(String content) {
        JsonNode root;
        try {
            root = yaml.readTree(content == null ? "" : content);
        } catch (JacksonException e) {
            var location = e.getLocation();
            throw new InvalidInput("file", "The file is not valid YAML or JSON"
                    + (location != null && location.getLineNr() > 0 ? " (line " + location.getLineNr() + ")" : "")
                    + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInput("file", "The file must hold a plan: a mapping with format, title, start, end and sections");
        }
        var v = new Validation();
        String format = v.text(root, "format", "format", 40, true);
        if (format != null && !PlanFile.FORMAT.equals(format)) {
            v.problem("format", "The format must be '" + PlanFile.FORMAT + "'");
        }
        String title = v.text(root, "title", "title", MAX_TITLE, true);
        LocalDate start = v.date(root, "start", "start");
        LocalDate end = v.date(root, "end", "end");
        if (start != null && end != null && !end.isAfter(start)) {
            v.problem("end", "The end date must be after the start date");
        }
        String introduction = v.text(root, "introduction", "introduction", 20000, false);
        var crossCutting = v.list(root, "crossCuttingPriorities", "crossCuttingPriorities", false, (node, path) ->
                new PlanFile.CrossCutting(v.text(node, "title", path + ".title", MAX_TITLE, true),
                        v.text(node, "description", path + ".description", MAX_TEXT, false)));
        var crossCuttingTitles = new HashSet<String>();
        crossCutting.forEach(c -> crossCuttingTitles.add(c.title()));
        var groups = v.list(root, "groups", "groups", false, (node, path) ->
                new PlanFile.LeadGroup(v.text(node, "name", path + ".name", 200, true), v.groupType(node, path + ".type")));
        var groupNames = new HashSet<String>();
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).name() != null && !groupNames.add(groups.get(i).name())) {
                v.problem("groups[" + i + "].name", "The group '" + groups.get(i).name() + "' is listed twice");
            }
        }
        Set<Integer> priorityNumbers = new HashSet<>();
        Set<Integer> sectionNumbers = new HashSet<>();
        var sections = v.list(root, "sections", "sections", true, (node, path) -> {
            int number = v.number(node, "number", path + ".number");
            if (number > 0 && !sectionNumbers.add(number)) {
                v.problem(path + ".number", "Section " + number + " appears twice");
            }
            var priorities = v.list(node, "priorities", path + ".priorities", true, (p, ppath) -> {
                int pn = v.number(p, "number", ppath + ".number");
                if (pn > 0 && !priorityNumbers.add(pn)) {
                    v.problem(ppath + ".number", "Priority " + pn + " appears twice");
                }
                var leads = v.strings(p, "leadGroups", ppath + ".leadGroups", 200);
                for (int i = 0; i < leads.size(); i++) {
                    if (!groupNames.contains(leads.get(i))) {
                        v.problem(ppath + ".leadGroups[" + i + "]",
                                "The lead group '" + leads.get(i) + "' is not in the file's groups list");
                    }
                }
                var actions = v.list(p, "actions", ppath + ".actions", true, (a, apath) -> {
                    var tags = v.strings(a, "crossCutting", apath + ".crossCutting", MAX_TITLE);
                    for (int i = 0; i < tags.size(); i++) {
                        if (!crossCuttingTitles.contains(tags.get(i))) {
                            v.problem(apath + ".crossCutting[" + i + "]",
                                    "'" + tags.get(i) + "' is not one of the plan's cross-cutting priorities");
                        }
                    }
                    return new PlanFile.Action(v.text(a, "text", apath + ".text", MAX_TEXT, true), tags);
                });
                return new PlanFile.Priority(pn, v.text(p, "title", ppath + ".title", 500, true),
                        v.text(p, "leadStatement", ppath + ".leadStatement", 1000, false), leads, actions);
            });
            var articles = v.list(node, "uncrcArticles", path + ".uncrcArticles", false, (a, apath) -> {
                int article = v.number(a, "number", apath + ".number");
                if (article > 54) {
                    v.problem(apath + ".number", "The UN Convention on the Rights of the Child has 54 articles");
                }
                return new PlanFile.Article(article, v.text(a, "title", apath + ".title", MAX_TITLE, true));
            });
            return new PlanFile.Section(number, v.text(node, "title", path + ".title", MAX_TITLE, true),
                    v.text(node, "focus", path + ".focus", 500, false), v.text(node, "scope", path + ".scope", MAX_TEXT, false),
                    v.text(node, "vision", path + ".vision", MAX_TEXT, true), articles,
                    v.strings(node, "achievements", path + ".achievements", MAX_TEXT),
                    v.strings(node, "challenges", path + ".challenges", MAX_TEXT),
                    v.strings(node, "indicators", path + ".indicators", MAX_TEXT), priorities);
        });
        var file = new PlanFile(title, start, end, introduction, crossCutting,
                v.strings(root, "communityPlanThemes", "communityPlanThemes", 500),
                v.strings(root, "communityPlanCrossCuttingPriorities", "communityPlanCrossCuttingPriorities", 500),
                v.strings(root, "linkedStrategies", "linkedStrategies", 500),
                v.strings(root, "partners", "partners", 500), groups, sections);
        if (!v.problems.isEmpty()) {
            throw new InvalidInput(v.problems);
        }
        return file;
    }

    /** Collects problems while reading, so every one is reported at once. */
    private static final class Validation {

        final List<FieldProblem> problems = new ArrayList<>();

        void problem(String path, String message) {
            if (problems.size() < 100) {
                problems.add(FieldProblem.of(path, message));
            }
        }

        String text(JsonNode parent, String name, String path, int max, boolean required) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                if (required) {
                    problem(path, "Enter " + path + ": it is required");
                }
                return null;
            }
            if (!node.isString() && !node.isNumber()) {
                problem(path, path + " must be text");
                return null;
            }
            String value = node.asString().strip();
            if (value.isEmpty() && required) {
                problem(path, "Enter " + path + ": it is required");
                return null;
            }
            if (value.length() > max) {
                problem(path, path + " must be " + max + " characters or fewer");
                return null;
            }
            return value.isEmpty() ? null : value;
        }

        LocalDate date(JsonNode parent, String name, String path) {
            String value = text(parent, name, path, 10, true);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problem(path, path + " must be a date like 2016-04-01");
                return null;
            }
        }

        int number(JsonNode parent, String name, String path) {
            JsonNode node = parent.get(name);
            if (node == null || !node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1) {
                problem(path, path + " must be a whole number of 1 or more");
                return 0;
            }
            return node.intValue();
        }

        GroupType groupType(JsonNode parent, String path) {
            String value = text(parent, "type", path, 40, true);
            if (value == null) {
                return null;
            }
            try {
                return GroupType.valueOf(value);
            } catch (IllegalArgumentException e) {
                problem(path, path + " must be one of " + List.of(GroupType.values()));
                return null;
            }
        }

        List<String> strings(JsonNode parent, String name, String path, int max) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                problem(path, path + " must be a list of text");
                return List.of();
            }
            var values = new ArrayList<String>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                String itemPath = path + "[" + i + "]";
                if (!item.isString() || item.asString().isBlank()) {
                    problem(itemPath, itemPath + " must be text");
                } else if (item.asString().strip().length() > max) {
                    problem(itemPath, itemPath + " must be " + max + " characters or fewer");
                } else {
                    values.add(item.asString().strip());
                }
            }
            return values;
        }

        <T> List<T> list(JsonNode parent, String name, String path, boolean required,
                BiFunction<JsonNode, String, T> reader) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
                if (required) {
                    problem(path, path + " must list at least one entry");
                }
                return List.of();
            }
            if (!node.isArray()) {
                problem(path, path + " must be a list");
                return List.of();
            }
            var values = new ArrayList<T>();
            for (int i = 0; i < node.size(); i++) {
                String itemPath = path + "[" + i + "]";
                if (!node.get(i).isObject()) {
                    problem(itemPath, itemPath + " must be a mapping of fields");
                } else {
                    values.add(reader.apply(node.get(i), itemPath));
                }
            }
            return values;
        }
    }
}
