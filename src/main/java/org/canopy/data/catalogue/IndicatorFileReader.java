package org.canopy.data.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.canopy.web.Period;
import org.canopy.web.StructuredFile;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Reads and validates an indicator catalogue file; every problem is named by its path. */
@Component
class IndicatorFileReader {

    IndicatorFile read(String content) {
        JsonNode root = StructuredFile.parse(content, "an indicator catalogue: a mapping with format, areas and indicators");
        var v = new StructuredFile();
        String format = v.text(root, "format", "format", 40, true);
        if (format != null && !IndicatorFile.FORMAT.equals(format)) {
            v.problem("format", "The format must be '" + IndicatorFile.FORMAT + "'");
        }
        var areas = v.list(root, "areas", "areas", true, (node, path) -> new IndicatorFile.AreaEntry(
                v.text(node, "name", path + ".name", 200, true), v.choice(node, "kind", path + ".kind", AreaKind.class),
                node.path("statisticalNeighbour").asBoolean(false)));
        var areaNames = new HashSet<String>();
        areas.forEach(a -> areaNames.add(a.name()));
        var codes = new HashSet<String>();
        var indicators = v.list(root, "indicators", "indicators", true, (node, path) -> {
            String code = v.text(node, "code", path + ".code", 40, true);
            if (code != null && !code.matches("[A-Z0-9_]+")) {
                v.problem(path + ".code", "The code '" + code + "' must be capital letters, digits and underscores");
            } else if (code != null && !codes.add(code)) {
                v.problem(path + ".code", "The code '" + code + "' is used twice");
            }
            var observations = v.list(node, "observations", path + ".observations", false, (o, opath) -> {
                String period = v.text(o, "period", opath + ".period", 10, true);
                if (period != null && Period.parse(period).isEmpty()) {
                    v.problem(opath + ".period", "'" + period + "' is not a period like 2020-21, 2020-21-Q3, 2021-03 or 2015");
                }
                String area = v.text(o, "area", opath + ".area", 200, true);
                if (area != null && !areaNames.contains(area)) {
                    v.problem(opath + ".area", "The area '" + area + "' is not in the file's areas list");
                }
                JsonNode value = o.get("value");
                BigDecimal number = null;
                if (value == null || !value.isNumber()) {
                    v.problem(opath + ".value", opath + ".value must be a number");
                } else {
                    number = value.decimalValue();
                }
                return new IndicatorFile.ObservationEntry(period, area, number, v.text(o, "source", opath + ".source", 500, false),
                        v.text(o, "quote", opath + ".quote", 2000, false));
            });
            var priorities = new ArrayList<Integer>();
            JsonNode numbers = node.get("planPriorities");
            if (numbers != null && numbers.isArray()) {
                for (JsonNode n : numbers) {
                    if (n.isIntegralNumber()) {
                        priorities.add(n.intValue());
                    } else {
                        v.problem(path + ".planPriorities", "planPriorities must be priority numbers");
                    }
                }
            }
            return new IndicatorFile.IndicatorEntry(code, v.text(node, "name", path + ".name", 300, true),
                    v.text(node, "definition", path + ".definition", 2000, false), v.choice(node, "unit", path + ".unit", Unit.class),
                    v.choice(node, "polarity", path + ".polarity", Polarity.class),
                    v.choice(node, "frequency", path + ".frequency", Frequency.class),
                    v.text(node, "sourceAgency", path + ".sourceAgency", 200, false),
                    v.text(node, "populationBase", path + ".populationBase", 300, false), priorities,
                    v.strings(node, "partnershipPriorities", path + ".partnershipPriorities", 200),
                    v.text(node, "seedIndicator", path + ".seedIndicator", 500, false), node.path("public").asBoolean(false),
                    v.text(node, "comparisonNote", path + ".comparisonNote", 2000, false), observations,
                    v.text(node, "rateOf", path + ".rateOf", 40, false), v.text(node, "populationIndicator",
                            path + ".populationIndicator", 40, false), v.text(node, "partOf", path + ".partOf", 40, false));
        });
        // A rate names the count and population indicators it is computed from, a part its total: all in the same file.
        for (int i = 0; i < indicators.size(); i++) {
            var entry = indicators.get(i);
            for (String linked : java.util.Arrays.asList(entry.rateOf(), entry.populationIndicator(), entry.partOf())) {
                if (linked != null && !codes.contains(linked)) {
                    v.problem("indicators[" + i + "]", "The indicator '" + linked + "' named by " + entry.code() + " is not in the file");
                }
            }
            // Parts and totals are counts: that is what secondary suppression reasons about.
            var total = indicators.stream().filter(t -> t.code() != null && t.code().equals(entry.partOf())).findFirst();
            if (total.isPresent() && (entry.unit() != Unit.COUNT || total.get().unit() != Unit.COUNT)) {
                v.problem("indicators[" + i + "].partOf", "Only a count can be part of a total count");
            }
        }
        v.throwIfInvalid();
        return new IndicatorFile(areas, indicators);
    }
}
