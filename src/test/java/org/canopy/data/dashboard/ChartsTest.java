package org.canopy.data.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.canopy.data.observations.DataViews.SeriesPoint;
import org.canopy.data.observations.Spc;
import org.junit.jupiter.api.Test;

/** The control chart reads: whole period labels, thinned when many; a value axis scaled to the data; named benchmark lines. */
class ChartsTest {

    static List<SeriesPoint> quarters(int n) {
        var points = new ArrayList<SeriesPoint>();
        for (int i = 0; i < n; i++) {
            int year = 2015 + i / 4;
            String period = year + "-" + String.format("%02d", (year + 1) % 100) + "-Q" + (i % 4 + 1);
            points.add(new SeriesPoint(period, LocalDate.of(year, 4, 1).plusMonths(3L * (i % 4)), BigDecimal.valueOf(800 + (i * 7) % 40),
                    null, null, null, i == n - 1 ? BigDecimal.valueOf(760) : null, null, null, null, 820.0, 770.0, 870.0,
                    Spc.Signal.NONE, null, null));
        }
        return points;
    }

    static List<String> texts(String svg) {
        var m = Pattern.compile("<text[^>]*>([^<]*)</text>").matcher(svg);
        var texts = new ArrayList<String>();
        while (m.find()) {
            texts.add(m.group(1));
        }
        return texts;
    }

    @Test
    void periodLabelsAreWholeAndTheAxisFitsTheFigures() {
        var svg = new Charts().controlChart("Control chart", quarters(8));
        var texts = texts(svg);
        assertThat(texts).contains("2015-16-Q1", "2016-17-Q4").noneMatch(t -> t.contains("…"));
        // 760 to 870: an axis from zero would squash the limits into a line.
        assertThat(texts).doesNotContain("0");
        // The England line is named where it ends, as well as in the legend.
        assertThat(texts.stream().filter("England"::equals).count()).isEqualTo(2);
    }

    @Test
    void aLongSeriesShowsEveryFewPeriodsOnly() {
        var svg = new Charts().controlChart("Control chart", quarters(40));
        // 40 quarters, at most 12 labels shown: every 4th (2015-16-Q1, 2016-17-Q1, ...); the others are transparent.
        assertThat(texts(svg)).contains("2015-16-Q1", "2016-17-Q1").noneMatch(t -> t.contains("…"));
        var shown = Pattern.compile("<text[^>]*fill-opacity: 1.0[^>]*>(20\\d\\d-\\d\\d-Q\\d)</text>").matcher(svg).results()
                .map(r -> r.group(1)).toList();
        assertThat(shown).hasSize(10).allMatch(label -> label.endsWith("-Q1"));
        assertThat(svg.length()).isLessThan(150_000);
    }
}
