package dev.lectern.plugin.mlp;

import dev.lectern.plugin.api.ImageSet;
import dev.lectern.plugin.api.view.ClassifierView;
import dev.lectern.plugin.api.view.ConfusionMatrix;
import dev.lectern.plugin.api.view.Heatmap;
import dev.lectern.plugin.api.view.Image;
import dev.lectern.plugin.api.view.ImageGallery;
import dev.lectern.plugin.api.view.TableView;
import dev.lectern.plugin.api.view.View;
import dev.lectern.plugin.support.Probabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The pictures of a finished run, computed on the host from the trained numbers. */
final class MlpViews {

    static final int GRID = 61;
    /** Room around the data on each side: a quarter of its span, at least 0.25 (XOR's unit square gets 0.25). */
    static final double MARGIN = 0.25;
    /** Tables up to this many rows get a row-by-row prediction table (XOR's four points). */
    static final int MAX_PREDICTION_ROWS = 50;
    /** Hidden units whose own boundary is drawn (the first hidden layer's first units). */
    static final int MAX_UNIT_LINES = 16;

    static final int MAX_GALLERY = 24;

    private MlpViews() {}

    static List<View> forTable(MlpNet net, TableInputs data, int[] predicted) {
        List<View> views = new ArrayList<>();
        if (data.features() == 2) {
            views.add(boundary(net, data));
        }
        if (data.rows() <= MAX_PREDICTION_ROWS) {
            views.add(predictions(net, data, predicted));
        }
        views.add(new ConfusionMatrix(
                "Confusion matrix (training rows)",
                data.classNames(),
                confusion(data.labels(), predicted, data.classes())));
        return views;
    }

    /** P(class 1) (or the predicted class) over the data's box, the points, and every first-layer unit's line. */
    private static Heatmap boundary(MlpNet net, TableInputs data) {
        List<String> names = data.featureNames();
        String label = data.labelName();
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < net.classes(); c++) {
            classes.add(label + " = " + c);
        }
        ClassifierView plane = ClassifierView.ofRows(names.get(0), names.get(1), data.raw(), data.labels(), classes)
                .withGrid(GRID)
                .withMargin(MARGIN, MARGIN);
        if (net.hidden().length > 0) {
            float[] w = net.weights().get(0);
            float[] b = net.biases().get(0);
            for (int u = 0; u < Math.min(net.hidden()[0], MAX_UNIT_LINES); u++) {
                // The unit's pre-activation w·(x − mean)/scale + b is 0 on a straight line in the raw units.
                double w1 = w[2 * u] / net.scale()[0];
                double w2 = w[2 * u + 1] / net.scale()[1];
                double c = b[u] - w1 * net.mean()[0] - w2 * net.mean()[1];
                plane = plane.withLine("hidden unit " + (u + 1) + ": w·x + b = 0", w1, w2, c);
            }
        }
        if (net.classes() == 2) {
            return plane.scoreMap(
                    "P(" + label
                            + " = 1): the network's boundary (contour 0.5) and each first-layer hidden unit's own line",
                    "P(" + label + " = 1)",
                    (x1, x2) -> net.probabilities(new float[] {(float) x1, (float) x2})[1],
                    0.5);
        }
        return plane.classMap(
                "Predicted class, with each first-layer hidden unit's own line",
                (x1, x2) -> Probabilities.argMax(net.probabilities(new float[] {(float) x1, (float) x2})));
    }

    private static TableView predictions(MlpNet net, TableInputs data, int[] predicted) {
        List<String> headers = new ArrayList<>(data.featureNames());
        headers.add(data.labelName());
        headers.add("predicted");
        for (int c = 0; c < net.classes(); c++) {
            headers.add("P(" + c + ")");
        }
        int units = net.hidden().length > 0 && net.hidden()[0] <= 8 ? net.hidden()[0] : 0;
        for (int u = 0; u < units; u++) {
            headers.add("h" + (u + 1));
        }
        List<List<String>> rows = new ArrayList<>();
        int d = data.features();
        for (int r = 0; r < data.rows(); r++) {
            float[] raw = new float[d];
            System.arraycopy(data.raw(), r * d, raw, 0, d);
            List<String> row = new ArrayList<>();
            for (float v : raw) {
                row.add(format(v));
            }
            row.add(Integer.toString(data.labels()[r]));
            row.add(Integer.toString(predicted[r]));
            for (double p : net.probabilities(raw)) {
                row.add(String.format(Locale.ROOT, "%.4f", p));
            }
            double[] h = net.firstHidden(raw);
            for (int u = 0; u < units; u++) {
                row.add(String.format(Locale.ROOT, "%.3f", h[u]));
            }
            rows.add(row);
        }
        return new TableView(
                "Predictions for every row" + (units > 0 ? " (h = first hidden layer's outputs)" : ""), headers, rows);
    }

    static List<View> forImages(ImageSet test, int[] predicted) {
        int k = test.classes();
        int[] truth = new int[test.count()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = test.labels()[i] & 0xff;
        }
        long[][] counts = confusion(truth, predicted, k);
        List<View> views = new ArrayList<>();
        views.add(new ConfusionMatrix(
                "Confusion matrix (test set, " + test.count() + " images)", test.classNames(), counts));
        List<List<String>> rows = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            long tp = counts[c][c];
            long actual = 0;
            long said = 0;
            for (int o = 0; o < k; o++) {
                actual += counts[c][o];
                said += counts[o][c];
            }
            rows.add(List.of(
                    test.classNames().get(c),
                    Long.toString(actual),
                    said == 0 ? "–" : String.format(Locale.ROOT, "%.4f", (double) tp / said),
                    actual == 0 ? "–" : String.format(Locale.ROOT, "%.4f", (double) tp / actual)));
        }
        views.add(new TableView(
                "Precision and recall per class (test set)", List.of("class", "images", "precision", "recall"), rows));
        List<Image> gallery = new ArrayList<>();
        int size = test.height() * test.width();
        for (int i : MlpTrainer.misclassified(predicted, test.labels(), MAX_GALLERY)) {
            float[] pixels = new float[size];
            for (int p = 0; p < size; p++) {
                pixels[p] = (test.pixels()[i * size + p] & 0xff) / 255f;
            }
            gallery.add(new Image(
                    "predicted " + test.classNames().get(predicted[i]) + ", true "
                            + test.classNames().get(truth[i]),
                    test.width(),
                    test.height(),
                    pixels));
        }
        views.add(new ImageGallery("Misclassified test digits (first " + gallery.size() + ")", gallery));
        return views;
    }

    static long[][] confusion(int[] truth, int[] predicted, int k) {
        long[][] counts = new long[k][k];
        for (int i = 0; i < truth.length; i++) {
            counts[truth[i]][predicted[i]]++;
        }
        return counts;
    }

    private static String format(float v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Integer.toString((int) v) : Float.toString(v);
    }
}
