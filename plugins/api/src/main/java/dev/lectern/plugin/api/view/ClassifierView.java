package dev.lectern.plugin.api.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;

/**
 * The picture of a classifier of two features, built from the data and the model's score: the plane around the data as
 * a {@link Heatmap} of a score (a probability, or the predicted class), the data as one {@link SeriesStyle#POINTS}
 * series per class, the decision boundary as a contour of the score, and straight lines (a linear boundary, a hidden
 * unit's line) cut to the plotted rectangle, so that a line running off to infinity does not stretch the axes. Since API
 * 1.4.
 *
 * <pre>{@code
 * ClassifierView view = ClassifierView.of("x1", "x2", x1, x2, labels, List.of("y = 0", "y = 1"))
 *         .withLine("decision boundary W·x + b = 0", w1, w2, b);
 * views.add(view.scoreMap("P(y = 1) and the decision boundary", "P(y = 1)", (a, b) -> model.p(a, b), 0.5));
 * views.add(view.chart("Data and decision boundary"));
 * }</pre>
 *
 * <p>Instances are immutable; each {@code with} method returns a changed copy.
 */
public final class ClassifierView {

    /** Grid points per axis by default: a smooth colour map and contour in 3,721 cells. */
    public static final int DEFAULT_GRID = 61;

    private final String xLabel;
    private final String yLabel;
    private final double[] x;
    private final double[] y;
    private final int[] labels;
    private final List<String> classNames;
    private final int grid;
    private final double marginFraction;
    private final double marginMinimum;
    private final List<Series> lines;
    /** Made once, so that the score map and the chart overlay the very same series. */
    private final List<Series> points;

    private ClassifierView(
            String xLabel,
            String yLabel,
            double[] x,
            double[] y,
            int[] labels,
            List<String> classNames,
            int grid,
            double marginFraction,
            double marginMinimum,
            List<Series> lines) {
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.x = x;
        this.y = y;
        this.labels = labels;
        this.classNames = classNames;
        this.grid = grid;
        this.marginFraction = marginFraction;
        this.marginMinimum = marginMinimum;
        this.lines = lines;
        this.points = classSeries(x, y, labels, classNames);
    }

    /**
     * Starts the picture of labelled points in the plane.
     *
     * @param xLabel the first feature's name, the horizontal axis
     * @param yLabel the second feature's name, the vertical axis
     * @param x the first feature of each point
     * @param y the second feature of each point
     * @param labels each point's class, an index into {@code classNames}
     * @param classNames the classes' names as the legend shows them, such as {@code "y = 0"}
     * @return the view, with a margin of 5 % of the data's span around it and a grid of {@link #DEFAULT_GRID}
     * @throws IllegalArgumentException when the arrays differ in length, a label has no class name, or there are no
     *     points
     */
    public static ClassifierView of(
            String xLabel, String yLabel, double[] x, double[] y, int[] labels, List<String> classNames) {
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        List<String> names = List.copyOf(classNames);
        if (x.length != y.length || x.length != labels.length) {
            throw new IllegalArgumentException("classifier view: " + x.length + " x values, " + y.length
                    + " y values and " + labels.length + " labels");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("classifier view: no points");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= names.size()) {
                throw new IllegalArgumentException("classifier view: point " + i + " has label " + labels[i] + " but "
                        + names.size() + " classes are named");
            }
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("classifier view: point " + i + " is not finite");
            }
        }
        return new ClassifierView(
                xLabel, yLabel, x.clone(), y.clone(), labels.clone(), names, DEFAULT_GRID, 0.05, 0, List.of());
    }

    /**
     * Starts the picture of row-major two-feature data, as {@code Table.features()} holds it.
     *
     * @param xLabel the first feature's name
     * @param yLabel the second feature's name
     * @param features two values per point, row after row
     * @param labels each point's class, an index into {@code classNames}
     * @param classNames the classes' names as the legend shows them
     * @return the view
     */
    public static ClassifierView ofRows(
            String xLabel, String yLabel, float[] features, int[] labels, List<String> classNames) {
        if (features.length != 2 * labels.length) {
            throw new IllegalArgumentException("classifier view: " + features.length + " feature values for "
                    + labels.length + " labels (two features per point)");
        }
        double[] x = new double[labels.length];
        double[] y = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            x[i] = features[2 * i];
            y[i] = features[2 * i + 1];
        }
        return of(xLabel, yLabel, x, y, labels, classNames);
    }

    /**
     * Sets the room around the data: on each side, {@code fraction} of the data's span, but at least {@code minimum}.
     *
     * @param fraction a share of the span, 0 or more
     * @param minimum the smallest margin, 0 or more, in the features' units
     * @return the changed copy
     */
    public ClassifierView withMargin(double fraction, double minimum) {
        if (!(fraction >= 0) || !(minimum >= 0) || Double.isInfinite(fraction) || Double.isInfinite(minimum)) {
            throw new IllegalArgumentException("classifier view: margin fraction and minimum must be finite and >= 0");
        }
        return new ClassifierView(xLabel, yLabel, x, y, labels, classNames, grid, fraction, minimum, lines);
    }

    /**
     * Sets the number of grid points per axis of the score map.
     *
     * @param points 2 to 400
     * @return the changed copy
     */
    public ClassifierView withGrid(int points) {
        if (points < 2 || points > 400) {
            throw new IllegalArgumentException("classifier view: grid of " + points + " points; use 2 to 400");
        }
        return new ClassifierView(
                xLabel, yLabel, x, y, labels, classNames, points, marginFraction, marginMinimum, lines);
    }

    /**
     * Adds the straight line {@code w1 x + w2 y + c = 0}, cut to the plotted rectangle; a line that misses the
     * rectangle (such as one with {@code w1 = w2 = 0}, an untrained model's) is left out.
     *
     * @param name the legend's name of the line
     * @param w1 the first feature's coefficient
     * @param w2 the second feature's coefficient
     * @param c the constant
     * @return the changed copy
     */
    public ClassifierView withLine(String name, double w1, double w2, double c) {
        Optional<Series> line = clip(name, w1, w2, c);
        if (line.isEmpty()) {
            return this;
        }
        List<Series> more = new ArrayList<>(lines);
        more.add(line.get());
        return new ClassifierView(
                xLabel, yLabel, x, y, labels, classNames, grid, marginFraction, marginMinimum, List.copyOf(more));
    }

    /**
     * Returns the plotted rectangle: the data's bounding box widened by the margin.
     *
     * @return {@code {{xmin, xmax}, {ymin, ymax}}}
     */
    public double[][] box() {
        double[][] box = {range(x), range(y)};
        for (double[] range : box) {
            double pad = Math.max(marginMinimum, marginFraction * Math.max(range[1] - range[0], 1e-6));
            range[0] -= pad;
            range[1] += pad;
        }
        return box;
    }

    /**
     * Returns the grid's x values, evenly spaced across the rectangle.
     *
     * @return the values, left to right
     */
    public double[] gridX() {
        return axis(box()[0]);
    }

    /**
     * Returns the grid's y values, evenly spaced across the rectangle.
     *
     * @return the values, bottom to top
     */
    public double[] gridY() {
        return axis(box()[1]);
    }

    /**
     * Returns the segment of {@code w1 x + w2 y + c = 0} inside the rectangle.
     *
     * @param name the legend's name of the line
     * @param w1 the first feature's coefficient
     * @param w2 the second feature's coefficient
     * @param c the constant
     * @return the segment as a two-point {@link SeriesStyle#LINE} series, or empty when the line misses the rectangle
     */
    public Optional<Series> clip(String name, double w1, double w2, double c) {
        Objects.requireNonNull(name, "name");
        double[][] box = box();
        List<double[]> ends = new ArrayList<>();
        for (double at : box[0]) {
            if (w2 != 0) {
                addIfInside(ends, at, -(c + w1 * at) / w2, box);
            }
        }
        for (double at : box[1]) {
            if (w1 != 0) {
                addIfInside(ends, -(c + w2 * at) / w1, at, box);
            }
        }
        if (ends.size() < 2) {
            return Optional.empty();
        }
        // A line through a corner meets two edges there; the extremes along the line are the segment's ends.
        ends.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        double[] a = ends.get(0);
        double[] b = ends.get(ends.size() - 1);
        if (a[0] == b[0] && a[1] == b[1]) {
            return Optional.empty(); // it only touches a corner
        }
        return Optional.of(new Series(name, SeriesStyle.LINE, new double[] {a[0], b[0]}, new double[] {a[1], b[1]}));
    }

    /**
     * Returns the data as one points series per class, in the order of the class names; a class without points keeps
     * its (empty) series, so each class keeps its colour from run to run.
     *
     * @return the series
     */
    public List<Series> points() {
        return points;
    }

    private static List<Series> classSeries(double[] x, double[] y, int[] labels, List<String> classNames) {
        List<Series> series = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            int n = 0;
            for (int label : labels) {
                n += label == c ? 1 : 0;
            }
            double[] px = new double[n];
            double[] py = new double[n];
            for (int i = 0, k = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    px[k] = x[i];
                    py[k++] = y[i];
                }
            }
            series.add(new Series(classNames.get(c), SeriesStyle.POINTS, px, py));
        }
        return List.copyOf(series);
    }

    /**
     * Returns the points followed by the lines, as both the score map and the chart overlay them.
     *
     * @return the series
     */
    public List<Series> overlay() {
        List<Series> overlay = new ArrayList<>(points);
        overlay.addAll(lines);
        return List.copyOf(overlay);
    }

    /**
     * Returns a score over the grid with the points and lines on top: a probability with its boundary as the contour
     * at the threshold, for example.
     *
     * @param title the view's title
     * @param valueLabel what the colour means, such as {@code "P(y = 1)"}
     * @param score the score at a point of the plane (first feature, second feature), in the features' units
     * @param contours the score levels drawn as lines: the decision boundary
     * @return the heat map
     */
    public Heatmap scoreMap(String title, String valueLabel, DoubleBinaryOperator score, double... contours) {
        Objects.requireNonNull(score, "score");
        double[] gx = gridX();
        double[] gy = gridY();
        double[][] values = new double[gy.length][gx.length];
        for (int i = 0; i < gy.length; i++) {
            for (int j = 0; j < gx.length; j++) {
                values[i][j] = score.applyAsDouble(gx[j], gy[i]);
            }
        }
        return scoreMap(title, valueLabel, values, contours);
    }

    /**
     * Returns a score the plugin computed itself over the grid ({@link #gridX()} by {@link #gridY()}, for example in
     * one batch on the device), with the points and lines on top.
     *
     * @param title the view's title
     * @param valueLabel what the colour means
     * @param values one row per {@link #gridY()} value, one column per {@link #gridX()} value
     * @param contours the score levels drawn as lines
     * @return the heat map
     */
    public Heatmap scoreMap(String title, String valueLabel, double[][] values, double... contours) {
        return new Heatmap(title, xLabel, yLabel, valueLabel, gridX(), gridY(), values, contours.clone(), overlay());
    }

    /**
     * Returns the predicted class over the grid, with the borders between classes as contours (at 0.5, 1.5, …) and the
     * points and lines on top: the picture of a classifier of more than two classes.
     *
     * @param title the view's title
     * @param predict the predicted class at a point of the plane, an index into the class names
     * @return the heat map
     */
    public Heatmap classMap(String title, DoubleBinaryOperator predict) {
        double[] borders = new double[Math.max(0, classNames.size() - 1)];
        for (int c = 0; c < borders.length; c++) {
            borders[c] = c + 0.5;
        }
        return scoreMap(title, "predicted class", predict, borders);
    }

    /**
     * Returns the points and lines as a plain chart, for a reader who wants the data without the colour map.
     *
     * @param title the view's title
     * @return the chart
     */
    public XyChart chart(String title) {
        return new XyChart(title, xLabel, yLabel, overlay());
    }

    private double[] axis(double[] range) {
        double[] values = new double[grid];
        for (int i = 0; i < grid; i++) {
            values[i] = range[0] + (range[1] - range[0]) * i / (grid - 1);
        }
        return values;
    }

    private static double[] range(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new double[] {min, max};
    }

    private static void addIfInside(List<double[]> ends, double px, double py, double[][] box) {
        // A relative tolerance, so that an end computed on one edge is not lost to rounding on the other coordinate.
        double tx = 1e-9 * (box[0][1] - box[0][0]);
        double ty = 1e-9 * (box[1][1] - box[1][0]);
        if (px >= box[0][0] - tx && px <= box[0][1] + tx && py >= box[1][0] - ty && py <= box[1][1] + ty) {
            ends.add(new double[] {px + 0.0, py + 0.0}); // + 0.0 turns -0.0 into 0.0
        }
    }
}
