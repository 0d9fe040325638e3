package org.canopy.reporting;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;
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
 * Grouped horizontal bar charts as SVG (JFreeChart and JFreeSVG, GOV.UK colours, a title for assistive technology), for
 * the modules' report pages; the pages show the same figures in a table beside the chart.
 */
public final class BarChart {

    /** One series of bars: its name in the legend and one value per category, in the categories' order. */
    public record Series(String name, List<? extends Number> values) {
    }

    // GOV.UK palette colours, distinguishable and with enough contrast on white; series take them in order.
    private static final Color[] COLOURS = {new Color(0x1d, 0x70, 0xb8), new Color(0x00, 0x70, 0x3c), new Color(0xd4, 0x35, 0x1c),
        new Color(0x91, 0x2b, 0x88), new Color(0xf4, 0x77, 0x38), new Color(0x50, 0x5a, 0x5f), new Color(0x0b, 0x0c, 0x0c)};
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private BarChart() {
    }

    /**
     * One group of bars per category (names cut to 60 characters: the table has them whole), one bar per series, the
     * count along the foot; {@code heightPerCategory} pixels for each group.
     */
    public static String horizontal(String title, String axisLabel, List<String> categories, List<Series> series, int heightPerCategory) {
        var data = new DefaultCategoryDataset();
        for (int c = 0; c < categories.size(); c++) {
            String name = categories.get(c).length() <= 60 ? categories.get(c) : categories.get(c).substring(0, 59) + "\u2026";
            for (var s : series) {
                data.addValue(s.values().get(c), s.name(), name);
            }
        }
        var renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int s = 0; s < series.size(); s++) {
            renderer.setSeriesPaint(s, COLOURS[s % COLOURS.length]);
        }
        var names = new CategoryAxis();
        names.setTickLabelFont(FONT);
        names.setMaximumCategoryLabelLines(2);
        names.setMaximumCategoryLabelWidthRatio(0.4f);
        var numbers = new NumberAxis(axisLabel);
        numbers.setTickLabelFont(FONT);
        numbers.setLabelFont(FONT);
        numbers.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        var plot = new CategoryPlot(data, names, numbers, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xb1, 0xb4, 0xb6));
        plot.setOutlineVisible(false);
        var chart = new JFreeChart(null, FONT, plot, true);
        chart.getLegend().setItemFont(FONT);
        chart.setBackgroundPaint(Color.WHITE);
        int height = Math.max(200, 90 + categories.size() * heightPerCategory);
        var g = new SVGGraphics2D(760, height);
        chart.draw(g, new Rectangle(0, 0, 760, height));
        // A title makes the image's purpose known to assistive technology opening it directly.
        return g.getSVGElement().replaceFirst(">", "><title>" + title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                + "</title>");
    }
}
