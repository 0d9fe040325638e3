package org.canopy.data.dashboard;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;
import org.canopy.data.observations.DataViews.SeriesPoint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.springframework.stereotype.Component;

/**
 * SVG charts drawn with JFreeChart and JFreeSVG: the control chart of an indicator page (value, mean,
 * process limits and benchmarks by period) and the small trend line of a dashboard tile. Every chart
 * is shown with its figures in a table beside it.
 */
@Component
class Charts {

    // GOV.UK palette colours, distinguishable and with enough contrast on white.
    private static final Color VALUE = new Color(0x1d, 0x70, 0xb8);
    private static final Color MEAN = new Color(0x50, 0x5a, 0x5f);
    private static final Color LIMIT = new Color(0xd4, 0x35, 0x1c);
    private static final Color ENGLAND = new Color(0x00, 0x70, 0x3c);
    private static final Color LONDON = new Color(0x91, 0x2b, 0x88);
    private static final Color NEIGHBOURS = new Color(0xf4, 0x77, 0x38);
    private static final Color TARGET = new Color(0x0b, 0x0c, 0x0c);
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    String controlChart(String title, List<SeriesPoint> points) {
        var data = new DefaultCategoryDataset();
        for (var p : points) {
            data.addValue(p.value(), "Value", p.period());
            if (p.mean() != null) {
                data.addValue(p.mean(), "Mean", p.period());
                data.addValue(p.upper(), "Upper process limit", p.period());
                data.addValue(p.lower(), "Lower process limit", p.period());
            }
            if (p.england() != null) {
                data.addValue(p.england(), "England", p.period());
            }
            if (p.london() != null) {
                data.addValue(p.london(), "London", p.period());
            }
            if (p.statisticalNeighbours() != null) {
                data.addValue(p.statisticalNeighbours(), "Statistical neighbours", p.period());
            }
            if (p.target() != null) {
                data.addValue(p.target(), "Target", p.period());
            }
        }
        var renderer = new LineAndShapeRenderer(true, true);
        for (int s = 0; s < data.getRowCount(); s++) {
            String key = (String) data.getRowKey(s);
            renderer.setSeriesPaint(s, switch (key) {
                case "Mean" -> MEAN;
                case "Upper process limit", "Lower process limit" -> LIMIT;
                case "England" -> ENGLAND;
                case "London" -> LONDON;
                case "Statistical neighbours" -> NEIGHBOURS;
                case "Target" -> TARGET;
                default -> VALUE;
            });
            boolean dashed = !key.equals("Value");
            renderer.setSeriesStroke(s, dashed ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f) : new BasicStroke(2.5f));
            // Benchmarks and targets are often single points: they keep their markers; mean and limits are lines only.
            renderer.setSeriesShapesVisible(s, !key.equals("Mean") && !key.endsWith("process limit"));
        }
        // Benchmark and target lines carry their name at their last point, not only in the legend.
        renderer.setDefaultItemLabelGenerator(new LastPointNames());
        renderer.setDefaultItemLabelFont(FONT);
        renderer.setDefaultItemLabelsVisible(true);
        var periods = new ThinnedPeriods(points.size());
        // Whole period labels ("2020-21-Q3"), never cut to "20…": a shown label may use the room of the hidden ones
        // beside it. Rotated labels would be drawn as outlines, several hundred kilobytes of paths.
        periods.setMaximumCategoryLabelWidthRatio(Math.max(2f, periods.every * 2f));
        var values = numberAxis();
        // Scaled to the figures, limits and benchmarks (all of them are series, so all stay in view), not to zero.
        values.setAutoRangeIncludesZero(false);
        values.setAutoRangeStickyZero(false);
        // Room above the highest point for its line's name.
        values.setUpperMargin(0.12);
        var plot = new CategoryPlot(data, periods, values, renderer);
        style(plot);
        var chart = new JFreeChart(null, FONT, plot, true);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(FONT);
        chart.setBackgroundPaint(Color.WHITE);
        return svg(chart, 760, 380, title);
    }

    String sparkline(String title, List<SeriesPoint> points) {
        var data = new DefaultCategoryDataset();
        points.forEach(p -> data.addValue(p.value(), "Value", p.period()));
        var renderer = new LineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, VALUE);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        var category = axis();
        category.setVisible(false);
        var numbers = numberAxis();
        numbers.setVisible(false);
        var plot = new CategoryPlot(data, category, numbers, renderer);
        style(plot);
        plot.setRangeGridlinesVisible(false);
        var chart = new JFreeChart(null, FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return svg(chart, 240, 60, title);
    }

    /** Names a benchmark, target or limit line at its last point, so it can be told apart without the legend. */
    static final class LastPointNames extends StandardCategoryItemLabelGenerator {

        @Override
        public String generateLabel(CategoryDataset dataset, int row, int column) {
            String key = (String) dataset.getRowKey(row);
            if (key.equals("Value")) {
                return null;
            }
            for (int c = dataset.getColumnCount() - 1; c >= 0; c--) {
                if (dataset.getValue(row, c) != null) {
                    return c == column ? key : null;
                }
            }
            return null;
        }
    }

    /** A period axis that shows at most 12 labels, every n-th period, so that long series stay readable. */
    static final class ThinnedPeriods extends CategoryAxis {

        private final int every;

        ThinnedPeriods(int periods) {
            this.every = Math.max(1, (int) Math.ceil(periods / 12.0));
            setTickLabelFont(FONT);
        }

        @Override
        public java.awt.Paint getTickLabelPaint(Comparable category) {
            var plot = (CategoryPlot) getPlot();
            int index = plot == null ? 0 : plot.getDataset().getColumnIndex(category);
            return index % every == 0 ? super.getTickLabelPaint(category) : new Color(0, 0, 0, 0);
        }
    }

    private static CategoryAxis axis() {
        var axis = new CategoryAxis();
        axis.setTickLabelFont(FONT);
        return axis;
    }

    private static NumberAxis numberAxis() {
        var axis = new NumberAxis();
        axis.setTickLabelFont(FONT);
        axis.setAutoRangeIncludesZero(true);
        return axis;
    }

    private static void style(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xb1, 0xb4, 0xb6));
        plot.setOutlineVisible(false);
    }

    private static String svg(JFreeChart chart, int width, int height, String title) {
        var g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(0, 0, width, height));
        String svg = g.getSVGElement();
        // A title makes the image's purpose known to assistive technology opening it directly.
        return svg.replaceFirst(">", "><title>" + escape(title) + "</title>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
