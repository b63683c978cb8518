package dev.lectern.plugin.logreg;

import dev.lectern.plugin.api.view.Series;
import dev.lectern.plugin.api.view.SeriesStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The straight line w₁x₁ + w₂x₂ + b = z* (raw units; z* = 0 for the threshold 0.5) where the classifier changes its
 * answer, cut to the plotted rectangle so the chart's axes are not stretched by a line running off to infinity.
 */
final class DecisionBoundary {

    private DecisionBoundary() {}

    /**
     * Returns the boundary's segment inside {@code box}, or empty when the line misses the box (for example when W is
     * still 0 and every point gets the same class).
     *
     * @param model a classifier of two features
     * @param box {{xmin, xmax}, {ymin, ymax}}
     */
    static Optional<Series> clipped(Classifier model, double[][] box) {
        double[] raw = model.rawCoefficients();
        double w1 = raw[0];
        double w2 = raw[1];
        double c = model.boundaryLogit() - raw[2];
        List<double[]> ends = new ArrayList<>();
        for (double x : box[0]) {
            if (w2 != 0) {
                addIfInside(ends, x, (c - w1 * x) / w2, box);
            }
        }
        for (double y : box[1]) {
            if (w1 != 0) {
                addIfInside(ends, (c - w2 * y) / w1, y, box);
            }
        }
        if (ends.size() < 2) {
            return Optional.empty();
        }
        // A line through a corner meets two edges there; the extremes along the line are the segment's ends.
        ends.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        double[] a = ends.get(0);
        double[] b = ends.get(ends.size() - 1);
        String name = model.threshold() == 0.5
                ? "decision boundary W·x + b = 0"
                : "decision boundary H(x) = " + LogisticRegressionModel.format(model.threshold());
        return Optional.of(new Series(name, SeriesStyle.LINE, new double[] {a[0], b[0]}, new double[] {a[1], b[1]}));
    }

    private static void addIfInside(List<double[]> ends, double x, double y, double[][] box) {
        // A relative tolerance, so that an end computed on one edge is not lost to rounding on the other coordinate.
        double tx = 1e-9 * (box[0][1] - box[0][0]);
        double ty = 1e-9 * (box[1][1] - box[1][0]);
        if (x >= box[0][0] - tx && x <= box[0][1] + tx && y >= box[1][0] - ty && y <= box[1][1] + ty) {
            ends.add(new double[] {x, y});
        }
    }
}
