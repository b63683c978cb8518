package dev.lectern.plugin.logreg;

import dev.lectern.plugin.api.view.ClassifierView;
import dev.lectern.plugin.api.view.ConfusionMatrix;
import dev.lectern.plugin.api.view.TableView;
import dev.lectern.plugin.api.view.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lesson's pictures. With two features: P(y = 1) over the plane with the data and the straight decision
 * boundary, and the same data and line as a plain chart (both drawn by the API's {@link ClassifierView}). Always: the
 * confusion matrix and precision/recall, because accuracy alone hides which class the model gets wrong; and the
 * formulas with the model's numbers. The same pictures are drawn while the run trains, from its current parameters
 * (API 1.4).
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
            ClassifierView plane = boundary(plane(model, x, y), model);
            float[] point = new float[2];
            views.add(plane.scoreMap(
                    "P(" + model.labelName() + " = 1) and the decision boundary",
                    "P(" + model.labelName() + " = 1)",
                    (a, b) -> {
                        point[0] = (float) a;
                        point[1] = (float) b;
                        return model.probability(point);
                    },
                    model.threshold()));
            views.add(plane.chart("Data and decision boundary"));
        }
        List<String> classes = List.of(model.labelName() + " = 0", model.labelName() + " = 1");
        views.add(new ConfusionMatrix("Confusion matrix (training data)", classes, counts));
        views.add(precisionRecall(classes, counts));
        views.add(LogisticFormulas.of(model, x, y, 0));
        return views;
    }

    /** The data of a two-feature model in its plane, one points series per class. */
    static ClassifierView plane(Classifier model, float[] x, float[] y) {
        int[] labels = new int[y.length];
        for (int r = 0; r < y.length; r++) {
            labels[r] = y[r] == 1 ? 1 : 0;
        }
        List<String> names = model.featureNames();
        return ClassifierView.ofRows(
                        names.get(0),
                        names.get(1),
                        x,
                        labels,
                        List.of(model.labelName() + " = 0", model.labelName() + " = 1"))
                .withGrid(GRID)
                .withMargin(MARGIN, 0);
    }

    /**
     * Adds the straight line w₁x₁ + w₂x₂ + b = z* (raw units; z* = 0 for the threshold 0.5) where the classifier
     * changes its answer; the view leaves it out when it misses the plot (W still 0: every point gets one class).
     */
    static ClassifierView boundary(ClassifierView plane, Classifier model) {
        double[] raw = model.rawCoefficients();
        String name = model.threshold() == 0.5
                ? "decision boundary W·x + b = 0"
                : "decision boundary H(x) = " + LogisticRegressionModel.format(model.threshold());
        return plane.withLine(name, raw[0], raw[1], raw[2] - model.boundaryLogit());
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
