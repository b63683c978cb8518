package ${package};

import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.Prediction;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.view.Series;
import dev.lectern.plugin.api.view.SeriesStyle;
import dev.lectern.plugin.api.view.TableView;
import dev.lectern.plugin.api.view.View;
import dev.lectern.plugin.api.view.XyChart;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A trained neuron. Its few numbers live on the host, so predicting needs no native memory; saving writes them to
 * one properties file (Double.toString round-trips exactly, so a loaded model predicts bit for bit the same).
 */
final class PerceptronModel implements TrainedModel {

    static final String FILE = "perceptron.properties";

    private final List<String> features;
    private final String label;
    private final Standardizer scaling;
    private final double[] w;
    private final double b;
    private final Map<String, Double> summary;
    private final List<View> views;

    private PerceptronModel(List<String> features, String label, Standardizer scaling, double[] w, double b,
            Map<String, Double> summary, List<View> views) {
        this.features = List.copyOf(features);
        this.label = label;
        this.scaling = scaling;
        this.w = w.clone();
        this.b = b;
        this.summary = summary;
        this.views = views;
    }

    /** Builds the model at the end of training, with its summary numbers and views. */
    static PerceptronModel trained(List<String> features, String label, Standardizer scaling, double[] w, double b,
            double loss, float[] x, float[] y) {
        int n = features.size();
        PerceptronModel bare = new PerceptronModel(features, label, scaling, w, b, Map.of(), List.of());
        int right = 0;
        double[] row = new double[n];
        for (int r = 0; r < y.length; r++) {
            for (int c = 0; c < n; c++) {
                row[c] = x[r * n + c];
            }
            right += (bare.probability(row) >= 0.5 ? 1 : 0) == (int) y[r] ? 1 : 0;
        }
        Map<String, Double> summary = new LinkedHashMap<>();
        summary.put("loss", loss);
        summary.put("accuracy", (double) right / y.length);
        for (int c = 0; c < n; c++) {
            summary.put("w" + (c + 1), w[c]);
        }
        summary.put("b", b);
        List<View> views = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            rows.add(List.of("w" + (c + 1), features.get(c), format(w[c])));
        }
        rows.add(List.of("b", "bias", format(b)));
        views.add(new TableView("Weights (on standardized features)", List.of("weight", "feature", "value"), rows));
        if (n == 2) {
            views.add(bare.boundary(x, y));
        }
        return new PerceptronModel(features, label, scaling, w, b, summary, views);
    }

    /** p = σ(w·z + b) with z the standardized inputs. */
    double probability(double[] input) {
        double z = b;
        for (int c = 0; c < w.length; c++) {
            z += w[c] * scaling.apply(c, input[c]);
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** Two features: the data of each class as points, and the line w·z + b = 0 where p = 0.5. */
    private View boundary(float[] x, float[] y) {
        List<double[]> zeros = new ArrayList<>();
        List<double[]> ones = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < y.length; r++) {
            (y[r] == 1f ? ones : zeros).add(new double[] {x[2 * r], x[2 * r + 1]});
            min = Math.min(min, x[2 * r]);
            max = Math.max(max, x[2 * r]);
        }
        List<Series> series = new ArrayList<>();
        series.add(points(label + " = 0", zeros));
        series.add(points(label + " = 1", ones));
        if (w[1] != 0) {
            double[] lineX = {min, max};
            double[] lineY = new double[2];
            for (int i = 0; i < 2; i++) {
                double z1 = scaling.apply(0, lineX[i]);
                lineY[i] = scaling.mean()[1] - scaling.sd()[1] * (b + w[0] * z1) / w[1];
            }
            series.add(new Series("p = 0.5", SeriesStyle.LINE, lineX, lineY));
        }
        return new XyChart("Data and decision boundary", features.get(0), features.get(1), series);
    }

    private static Series points(String name, List<double[]> points) {
        double[] xs = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] ys = points.stream().mapToDouble(p -> p[1]).toArray();
        return new Series(name, SeriesStyle.POINTS, xs, ys);
    }

    @Override
    public Map<String, Double> summary() {
        return summary;
    }

    @Override
    public List<View> views() {
        return views;
    }

    @Override
    public List<ParamSpec> predictInputs() {
        List<ParamSpec> inputs = new ArrayList<>();
        for (int c = 0; c < features.size(); c++) {
            inputs.add(ParamSpec.ofDouble("x" + (c + 1), features.get(c), scaling.mean()[c], -1e12, 1e12,
                    "The value of " + features.get(c) + "."));
        }
        return inputs;
    }

    @Override
    public Prediction predict(ParamValues input) {
        double[] row = new double[features.size()];
        for (int c = 0; c < row.length; c++) {
            row[c] = input.getDouble("x" + (c + 1));
        }
        double p = probability(row);
        int predicted = p >= 0.5 ? 1 : 0;
        return new Prediction("P(" + label + " = 1) = " + format(p) + ", so " + label + " = " + predicted,
                Map.of("probability", p, "class", (double) predicted));
    }

    @Override
    public void save(Path directory) throws IOException {
        Properties saved = new Properties();
        saved.setProperty("label", label);
        saved.setProperty("features", Integer.toString(features.size()));
        for (int c = 0; c < features.size(); c++) {
            saved.setProperty("feature." + c, features.get(c));
            saved.setProperty("mean." + c, Double.toString(scaling.mean()[c]));
            saved.setProperty("sd." + c, Double.toString(scaling.sd()[c]));
            saved.setProperty("w." + c, Double.toString(w[c]));
        }
        saved.setProperty("b", Double.toString(b));
        Files.createDirectories(directory);
        try (Writer out = Files.newBufferedWriter(directory.resolve(FILE), StandardCharsets.UTF_8)) {
            saved.store(out, "a trained " + PerceptronPlugin.ID + " model");
        }
    }

    static PerceptronModel load(Path directory) throws IOException {
        Properties saved = new Properties();
        try (Reader in = Files.newBufferedReader(directory.resolve(FILE), StandardCharsets.UTF_8)) {
            saved.load(in);
        }
        try {
            int n = Integer.parseInt(saved.getProperty("features"));
            List<String> features = new ArrayList<>();
            double[] mean = new double[n];
            double[] sd = new double[n];
            double[] w = new double[n];
            for (int c = 0; c < n; c++) {
                features.add(saved.getProperty("feature." + c));
                mean[c] = Double.parseDouble(saved.getProperty("mean." + c));
                sd[c] = Double.parseDouble(saved.getProperty("sd." + c));
                w[c] = Double.parseDouble(saved.getProperty("w." + c));
            }
            return new PerceptronModel(features, saved.getProperty("label"), new Standardizer(mean, sd), w,
                    Double.parseDouble(saved.getProperty("b")), Map.of(), List.of());
        } catch (RuntimeException e) {
            throw new IOException("saved " + PerceptronPlugin.ID + " model in " + directory + " is damaged: " + e, e);
        }
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    @Override
    public void close() {
        // Nothing native is held: the weights were copied to the host when training ended.
    }
}
