package org.canopy.training.courses;

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

/** Attendance bars (attended, did not attend) for a report's rows, drawn with JFreeChart and JFreeSVG; the page shows the table too. */
final class TrainingChart {

    private static final Color[] COLOURS = {new Color(0x00, 0x70, 0x3c), new Color(0xd4, 0x35, 0x1c), new Color(0x1d, 0x70, 0xb8)};
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private TrainingChart() {
    }

    static String attendance(String title, List<Training.ReportRow> rows) {
        var data = new DefaultCategoryDataset();
        for (var r : rows) {
            String name = r.name().length() <= 60 ? r.name() : r.name().substring(0, 59) + "\u2026";
            data.addValue(r.booked(), "Booked", name);
            data.addValue(r.attended(), "Attended", name);
            data.addValue(r.didNotAttend(), "Did not attend", name);
        }
        var renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        renderer.setSeriesPaint(0, COLOURS[2]);
        renderer.setSeriesPaint(1, COLOURS[0]);
        renderer.setSeriesPaint(2, COLOURS[1]);
        var names = new CategoryAxis();
        names.setTickLabelFont(FONT);
        names.setMaximumCategoryLabelLines(2);
        names.setMaximumCategoryLabelWidthRatio(0.4f);
        var numbers = new NumberAxis("Places");
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
        int height = Math.max(200, 90 + rows.size() * 50);
        var g = new SVGGraphics2D(760, height);
        chart.draw(g, new Rectangle(0, 0, 760, height));
        return g.getSVGElement().replaceFirst(">", "><title>" + title.replace("&", "&amp;").replace("<", "&lt;") + "</title>");
    }
}
