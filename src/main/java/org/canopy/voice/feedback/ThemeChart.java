package org.canopy.voice.feedback;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * The themes' bar chart, drawn with JFreeChart and JFreeSVG the way the data dashboard draws its charts (GOV.UK colours,
 * a title for assistive technology); pages show its figures in a table beside it.
 */
final class ThemeChart {

    // GOV.UK palette colours, distinguishable and with enough contrast on white.
    private static final Color[] COLOURS = {new Color(0x1d, 0x70, 0xb8), new Color(0x00, 0x70, 0x3c), new Color(0xd4, 0x35, 0x1c),
        new Color(0x91, 0x2b, 0x88), new Color(0xf4, 0x77, 0x38), new Color(0x50, 0x5a, 0x5f), new Color(0x0b, 0x0c, 0x0c)};
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private ThemeChart() {
    }

    /** Horizontal bars: one group per theme, one bar per column (a year or a source) named by {@code label}. */
    static String bars(String title, FeedbackThemes.Counts counts, java.util.function.Function<String, String> label) {
        var data = new DefaultCategoryDataset();
        counts.rows().forEach((theme, values) -> {
            for (int c = 0; c < counts.columns().size(); c++) {
                data.addValue(values.get(c), label.apply(counts.columns().get(c)), shortName(theme.name()));
            }
        });
        var renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int s = 0; s < counts.columns().size(); s++) {
            renderer.setSeriesPaint(s, COLOURS[s % COLOURS.length]);
        }
        var themes = new CategoryAxis();
        themes.setTickLabelFont(FONT);
        themes.setMaximumCategoryLabelLines(2);
        themes.setMaximumCategoryLabelWidthRatio(0.4f);
        var numbers = new NumberAxis("Items");
        numbers.setTickLabelFont(FONT);
        numbers.setLabelFont(FONT);
        numbers.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        var plot = new CategoryPlot(data, themes, numbers, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        // The count reads along the foot of the bars, as on the dashboard's charts.
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xb1, 0xb4, 0xb6));
        plot.setOutlineVisible(false);
        var chart = new JFreeChart(null, FONT, plot, true);
        chart.getLegend().setItemFont(FONT);
        chart.setBackgroundPaint(Color.WHITE);
        int height = Math.max(200, 90 + counts.rows().size() * Math.max(30, 14 * counts.columns().size()));
        var g = new SVGGraphics2D(760, height);
        chart.draw(g, new Rectangle(0, 0, 760, height));
        // A title makes the image's purpose known to assistive technology opening it directly.
        return g.getSVGElement().replaceFirst(">", "><title>" + escape(title) + "</title>");
    }

    /** Theme names on the axis are cut to 60 characters; the table beside the chart has them whole. */
    private static String shortName(String name) {
        return name.length() <= 60 ? name : name.substring(0, 59) + "\u2026";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
