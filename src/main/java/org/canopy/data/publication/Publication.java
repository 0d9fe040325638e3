package org.canopy.data.publication;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.canopy.data.catalogue.Unit;
import org.canopy.data.dashboard.Dashboard;
import org.canopy.privacy.Suppression;
import org.springframework.stereotype.Component;

/**
 * The figures as published without sign-in: counts of 1 to 5 as {@code c}, and, where counts are
 * parts of a total (child protection plans by category, of all plans), a further cell suppressed
 * wherever a suppressed part could be worked out from the total and the other parts. Other units are
 * published as they are.
 */
@Component
public class Publication {

    /**
     * Each indicator's published value in its series' periods, by code then period: the number, "c"
     * when suppressed, or null when there is no figure. Every tile of the partnership is needed, public or
     * not, because a part that is not published still hides part of its total.
     */
    public Map<String, Map<String, Object>> cells(List<Dashboard.Tile> tiles) {
        Map<String, Map<String, Object>> cells = new HashMap<>();
        Map<String, Map<String, BigDecimal>> values = new HashMap<>();
        for (var tile : tiles) {
            var byPeriod = new HashMap<String, Object>();
            var raw = new HashMap<String, BigDecimal>();
            for (var p : tile.figures()) {
                raw.put(p.period(), p.value());
                byPeriod.put(p.period(), primary(tile.indicator().unit(), p.value()));
            }
            cells.put(tile.indicator().code(), byPeriod);
            values.put(tile.indicator().code(), raw);
        }
        Map<String, List<Dashboard.Tile>> parts = new HashMap<>();
        for (var tile : tiles) {
            String total = tile.indicator().partOfCode();
            if (total != null && values.containsKey(total)) {
                parts.computeIfAbsent(total, k -> new ArrayList<>()).add(tile);
            }
        }
        parts.forEach((total, members) -> {
            var periods = new TreeSet<>(values.get(total).keySet());
            members.forEach(m -> periods.addAll(values.get(m.indicator().code()).keySet()));
            for (String period : periods) {
                // A part the public cannot see counts as unknown (null), which can only suppress more.
                var partValues = members.stream().map(m -> m.indicator().isPublic() ? count(values.get(m.indicator().code()).get(period)) : null).toList();
                var row = Suppression.publishRow(partValues, count(values.get(total).get(period)));
                for (int i = 0; i < members.size(); i++) {
                    suppressIf(cells.get(members.get(i).indicator().code()), period, row.get(i));
                }
                suppressIf(cells.get(total), period, row.get(members.size()));
            }
        });
        return cells;
    }

    /** A count of 1 to 5 as "c"; anything else as it is. */
    static Object primary(Unit unit, BigDecimal value) {
        if (unit != Unit.COUNT || value == null) {
            return value;
        }
        return Suppression.isSmall(value.longValue()) ? Suppression.SUPPRESSED : value;
    }

    private static Long count(BigDecimal value) {
        return value == null ? null : value.longValue();
    }

    private static void suppressIf(Map<String, Object> cells, String period, String published) {
        if (Suppression.SUPPRESSED.equals(published) && cells.containsKey(period)) {
            cells.put(period, Suppression.SUPPRESSED);
        }
    }
}
