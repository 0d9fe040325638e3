package org.canopy.plan.files;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.canopy.governance.GroupType;
import org.canopy.web.StructuredFile;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads and validates a plan file (YAML or JSON). Every problem is collected with the path of the field
 * it concerns; nothing is returned unless the file is valid throughout.
 */
@Component
public class PlanFileReader {

    static final int MAX_TEXT = 4000;
    static final int MAX_TITLE = 300;

    public PlanFile read(String content) {
        JsonNode root = StructuredFile.parse(content, "a plan: a mapping with format, title, start, end and sections");
        var v = new StructuredFile();
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
                new PlanFile.LeadGroup(v.text(node, "name", path + ".name", 200, true),
                        v.choice(node, "type", path + ".type", GroupType.class)));
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
        v.throwIfInvalid();
        return file;
    }
}
