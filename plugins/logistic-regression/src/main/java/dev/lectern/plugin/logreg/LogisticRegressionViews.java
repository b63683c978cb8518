package dev.lectern.plugin.logreg;

import dev.lectern.plugin.api.view.ConfusionMatrix;
import dev.lectern.plugin.api.view.Heatmap;
import dev.lectern.plugin.api.view.Series;
import dev.lectern.plugin.api.view.SeriesStyle;
import dev.lectern.plugin.api.view.TableView;
import dev.lectern.plugin.api.view.View;
import dev.lectern.plugin.api.view.XyChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lesson's pictures. With two features: P(y = 1) over the plane with the data and the straight decision
 * boundary, and the same data and line as a plain chart. Always: the confusion matrix and precision/recall, because
 * accuracy alone hides which class the model gets wrong; and the formulas with the model's numbers. The same pictures
 * are drawn while the run trains, from its current parameters (API 1.4).
 */
final class LogisticRegressionViews {

    /** Fine enough for a smooth colour map and contour, small enough to send to the browser (3,600 cells). */
    static final int GRID = 60;
    /** Room around the data so that no point sits on the map's edge. */
    private static final double MARGIN = 0.05;

    private LogisticRegressionViews() {}

    static List<View> of(Classifier model, float[] x, float[] y, long[][] counts) {
        List<View> views = new ArrayList<>();
        if (model.features() == 2) {
            List<String> names = model.featureNames();
            double[][] box = bounds(x);
            double[] gx = axis(box[0][0], box[0][1]);
            double[] gy = axis(box[1][0], box[1][1]);
            List<Series> overlay = new ArrayList<>(points(model.labelName(), x, y));
            DecisionBoundary.clipped(model, box).ifPresent(overlay::add);
            views.add(new Heatmap(
                    "P(" + model.labelName() + " = 1) and the decision boundary",
                    names.get(0),
                    names.get(1),
                    "P(" + model.labelName() + " = 1)",
                    gx,
                    gy,
                    probabilities(model, gx, gy),
                    new double[] {model.threshold()},
                    overlay));
            views.add(new XyChart("Data and decision boundary", names.get(0), names.get(1), overlay));
        }
        List<String> classes = List.of(model.labelName() + " = 0", model.labelName() + " = 1");
        views.add(new ConfusionMatrix("Confusion matrix (training data)", classes, counts));
        views.add(precisionRecall(classes, counts));
        views.add(LogisticFormulas.of(model, x, y, 0));
        return views;
    }

    private static List<Series> points(String label, float[] x, float[] y) {
        List<Series> series = new ArrayList<>();
        for (int cls = 1; cls >= 0; cls--) {
            int n = 0;
            for (float v : y) {
                n += v == cls ? 1 : 0;
            }
            double[] px = new double[n];
            double[] py = new double[n];
            for (int r = 0, k = 0; r < y.length; r++) {
                if (y[r] == cls) {
                    px[k] = x[2 * r];
                    py[k++] = x[2 * r + 1];
                }
            }
            series.add(new Series(label + " = " + cls, SeriesStyle.POINTS, px, py));
        }
        return series;
    }

    /** Returns {{xmin, xmax}, {ymin, ymax}} of two-feature data, widened by the margin. */
    private static double[][] bounds(float[] x) {
        double inf = Double.POSITIVE_INFINITY;
        double[][] box = {{inf, -inf}, {inf, -inf}};
        for (int i = 0; i < x.length; i++) {
            double[] range = box[i % 2];
            range[0] = Math.min(range[0], x[i]);
            range[1] = Math.max(range[1], x[i]);
        }
        for (double[] range : box) {
            double pad = Math.max(range[1] - range[0], 1e-6) * MARGIN;
            range[0] -= pad;
            range[1] += pad;
        }
        return box;
    }

    private static double[] axis(double min, double max) {
        double[] values = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            values[i] = min + (max - min) * i / (GRID - 1);
        }
        return values;
    }

    private static double[][] probabilities(Classifier model, double[] gx, double[] gy) {
        double[][] p = new double[gy.length][gx.length];
        float[] point = new float[2];
        for (int i = 0; i < gy.length; i++) {
            for (int j = 0; j < gx.length; j++) {
                point[0] = (float) gx[j];
                point[1] = (float) gy[i];
                p[i][j] = model.probability(point);
            }
        }
        return p;
    }

    private static TableView precisionRecall(List<String> classes, long[][] counts) {
        List<List<String>> rows = new ArrayList<>();
        for (int c = 1; c >= 0; c--) {
            long correct = counts[c][c];
            long predicted = counts[0][c] + counts[1][c];
            long actual = counts[c][0] + counts[c][1];
            rows.add(List.of(classes.get(c), ratio(correct, predicted), ratio(correct, actual), Long.toString(actual)));
        }
        long total = counts[0][0] + counts[0][1] + counts[1][0] + counts[1][1];
        rows.add(List.of("accuracy", ratio(counts[0][0] + counts[1][1], total), "", Long.toString(total)));
        return new TableView(
                "Precision and recall (training data)", List.of("class", "precision", "recall", "rows"), rows);
    }

    private static String ratio(long part, long whole) {
        return whole == 0 ? "—" : String.format(Locale.ROOT, "%.3f", (double) part / whole);
    }
}
