package dev.lectern.plugin.softmax;

import dev.lectern.plugin.api.view.BarChart;
import dev.lectern.plugin.api.view.BarSeries;
import dev.lectern.plugin.api.view.ClassifierView;
import dev.lectern.plugin.api.view.ConfusionMatrix;
import dev.lectern.plugin.api.view.Heatmap;
import dev.lectern.plugin.api.view.TableView;
import dev.lectern.plugin.api.view.View;
import dev.lectern.plugin.support.Probabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The lesson's pictures: the confusion matrix, precision and recall per class, one sample's logits beside its softmax
 * probabilities (the lecture's S(y) slide), with two features the classes over the plane (the API's
 * {@link ClassifierView}), and W itself when it is small enough to read.
 */
final class SoftmaxRegressionViews {

    /** Beyond this a table of W is a wall of numbers nobody reads. */
    private static final int MAX_W_TABLE = 20;

    private SoftmaxRegressionViews() {}

    /**
     * Builds the views on the held-out rows, or on the training rows when there is no held-out split.
     *
     * @param data the prepared data
     * @param weights the trained weights
     * @param trainPredicted predicted class of every training row
     * @param testPredicted predicted class of every held-out row
     * @return the views in display order
     */
    static List<View> of(ClassificationData data, SoftmaxWeights weights, int[] trainPredicted, int[] testPredicted) {
        return of(data, weights, trainPredicted, testPredicted, Double.NaN);
    }

    /**
     * Builds the views, with the formulas of the sample S(y) shows and the cost; without the predictions (a large
     * data set's live pictures, which cannot score every row after every step) only the sample, W and the formulas.
     *
     * @param data the prepared data
     * @param weights the weights now
     * @param trainPredicted predicted class of every training row, or null
     * @param testPredicted predicted class of every held-out row, or null
     * @param cost the training cost, NaN when not known
     * @return the views in display order
     */
    static List<View> of(
            ClassificationData data, SoftmaxWeights weights, int[] trainPredicted, int[] testPredicted, double cost) {
        boolean heldOut = data.hasTestSplit();
        int[] truth = heldOut ? data.testY() : data.trainY();
        int[] predicted = heldOut ? testPredicted : trainPredicted;
        String which = heldOut ? "held-out rows" : "training rows (no held-out split)";
        List<String> classes =
                IntStream.range(0, data.classes()).mapToObj(c -> "class " + c).toList();
        List<View> views = new ArrayList<>();
        if (predicted != null) {
            long[][] counts = new long[data.classes()][data.classes()];
            for (int i = 0; i < truth.length; i++) {
                counts[truth[i]][predicted[i]]++;
            }
            views.add(new ConfusionMatrix(
                    "Confusion matrix — " + which + ", " + truth.length + " rows", classes, counts));
            views.add(perClass(counts, which));
        }
        views.add(sample(data, weights, classes, heldOut));
        if (data.features() == 2) {
            views.add(plane(data, weights, classes));
        }
        if (data.classes() <= MAX_W_TABLE && data.features() <= MAX_W_TABLE) {
            views.add(weightTable(weights, data.mean(), data.scale()));
        }
        views.add(SoftmaxFormulas.of(
                weights,
                heldOut ? data.testX() : data.trainX(),
                0,
                heldOut ? data.testRows()[0] : data.trainRows()[0],
                truth[0],
                cost,
                data.trainY().length));
        return views;
    }

    /**
     * With two features: the class the model predicts over the plane of the training rows (in the table's units), its
     * borders between classes, and the rows themselves; for two classes P(class 1) with its 0.5 contour instead.
     */
    static Heatmap plane(ClassificationData data, SoftmaxWeights weights, List<String> classes) {
        float[] scaled = data.trainX();
        float[] raw = new float[scaled.length];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = scaled[i] * data.scale()[i % 2] + data.mean()[i % 2];
        }
        List<String> names = data.featureNames();
        ClassifierView plane = ClassifierView.ofRows(names.get(0), names.get(1), raw, data.trainY(), classes);
        float[] point = new float[2];
        if (data.classes() == 2) {
            return plane.scoreMap(
                    "P(class 1) on the training rows, with the decision boundary (contour 0.5)",
                    "P(class 1)",
                    (x1, x2) -> {
                        point[0] = (float) x1;
                        point[1] = (float) x2;
                        return Probabilities.softmax(weights.logits(point))[1];
                    },
                    0.5);
        }
        return plane.classMap("Predicted class over the plane of the training rows, with the rows", (x1, x2) -> {
            point[0] = (float) x1;
            point[1] = (float) x2;
            return Probabilities.argMax(weights.logits(point));
        });
    }

    private static TableView perClass(long[][] counts, String which) {
        List<List<String>> rows = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            long truePositive = counts[c][c];
            long support = 0;
            long predicted = 0;
            for (int o = 0; o < counts.length; o++) {
                support += counts[c][o];
                predicted += counts[o][c];
            }
            double precision = predicted == 0 ? Double.NaN : (double) truePositive / predicted;
            double recall = support == 0 ? Double.NaN : (double) truePositive / support;
            double f1 = precision + recall > 0
                    ? 2 * precision * recall / (precision + recall)
                    : Double.isNaN(precision + recall) ? Double.NaN : 0;
            rows.add(List.of("class " + c, ratio(precision), ratio(recall), ratio(f1), Long.toString(support)));
        }
        return new TableView(
                "Precision, recall and F1 per class — " + which,
                List.of("class", "precision", "recall", "F1", "support"),
                rows);
    }

    private static BarChart sample(
            ClassificationData data, SoftmaxWeights weights, List<String> classes, boolean heldOut) {
        float[] x = heldOut ? data.testX() : data.trainX();
        int truth = heldOut ? data.testY()[0] : data.trainY()[0];
        int tableRow = heldOut ? data.testRows()[0] : data.trainRows()[0];
        double[] logits = weights.scaledLogits(x, 0);
        double[] p = Probabilities.softmax(logits);
        int predicted = Probabilities.argMax(p);
        String title = String.format(
                Locale.ROOT,
                "S(y) for %s data row %d: predicted class %d (p = %.2f), true class %d",
                heldOut ? "the first held-out sample," : "the first sample,",
                tableRow + 1,
                predicted,
                p[predicted],
                truth);
        return new BarChart(
                title,
                classes,
                "value",
                List.of(new BarSeries("logits y = xW + b", logits), new BarSeries("softmax S(y)", p)));
    }

    private static TableView weightTable(SoftmaxWeights weights, float[] mean, float[] scale) {
        boolean scaled = false;
        for (int f = 0; f < mean.length; f++) {
            scaled |= mean[f] != 0f || scale[f] != 1f;
        }
        List<String> headers = new ArrayList<>();
        headers.add("class");
        headers.addAll(weights.featureNames());
        headers.add("b");
        int d = weights.features();
        List<List<String>> rows = new ArrayList<>();
        for (int c = 0; c < weights.classes(); c++) {
            List<String> row = new ArrayList<>();
            row.add("class " + c);
            for (int f = 0; f < d; f++) {
                row.add(number(weights.w()[c * d + f]));
            }
            row.add(number(weights.b()[c]));
            rows.add(row);
        }
        return new TableView(
                "W and b, one row per class" + (scaled ? " (on standardized features)" : ""), headers, rows);
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
