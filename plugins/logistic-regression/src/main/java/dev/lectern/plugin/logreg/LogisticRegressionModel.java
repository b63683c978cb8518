package dev.lectern.plugin.logreg;

import ai.djl.Device;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.Prediction;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.api.gradient.GradientCheck;
import dev.lectern.plugin.api.gradient.GradientProblem;
import dev.lectern.plugin.api.view.View;
import dev.lectern.plugin.support.FeatureInputs;
import dev.lectern.plugin.support.ReportingModel;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted classifier H(x) = σ(W·x + b) with its summary and views. The weights were copied to the host when training
 * ended, so the model holds no native memory; {@link ModelFiles} saves it as a regular DJL model.
 */
final class LogisticRegressionModel extends ReportingModel {

    private final Classifier classifier;

    private LogisticRegressionModel(Classifier classifier, Map<String, Double> summary, List<View> views) {
        super(summary, views);
        this.classifier = classifier;
    }

    /** Builds the model a run produced, with the summary and views on its training data (raw units). */
    static LogisticRegressionModel trained(Classifier classifier, float[] x, float[] y, double msPerEpoch, long steps) {
        Map<String, Double> summary = coefficients(classifier.rawCoefficients(), "");
        if (!classifier.scaling().isIdentity()) {
            float[] w = classifier.w();
            double[] scaled = new double[w.length + 1];
            for (int j = 0; j < w.length; j++) {
                scaled[j] = w[j];
            }
            scaled[w.length] = classifier.b();
            summary.putAll(coefficients(scaled, " (scaled)"));
        }
        long[][] counts = classifier.confusion(x, y);
        summary.put("cost", classifier.cost(x, y));
        summary.put("accuracy", (double) (counts[0][0] + counts[1][1]) / y.length);
        summary.put("steps", (double) steps);
        summary.put("msPerEpoch", msPerEpoch);
        return new LogisticRegressionModel(classifier, summary, LogisticRegressionViews.of(classifier, x, y, counts));
    }

    /** Wraps a loaded classifier; its training data is gone, so it has no summary and no views. */
    static LogisticRegressionModel loaded(Classifier classifier) {
        return new LogisticRegressionModel(classifier, Map.of(), List.of());
    }

    private static Map<String, Double> coefficients(double[] values, String suffix) {
        Map<String, Double> named = new LinkedHashMap<>();
        int d = values.length - 1;
        for (int j = 0; j < d; j++) {
            named.put((d == 1 ? "W" : "W" + (j + 1)) + suffix, values[j]);
        }
        named.put("b" + suffix, values[d]);
        return named;
    }

    @Override
    public List<ParamSpec> predictInputs() {
        return FeatureInputs.declare(classifier.featureNames());
    }

    @Override
    public Prediction predict(ParamValues input) {
        float[] x = FeatureInputs.readFloats(input, classifier.features());
        List<String> given = new ArrayList<>();
        for (int j = 0; j < x.length; j++) {
            given.add(classifier.featureNames().get(j) + " = " + format(x[j]));
        }
        double p = classifier.probability(x);
        int c = classifier.classOf(p);
        String text = String.format(
                Locale.ROOT,
                "P(%s = 1 | %s) = %.3f → class %d",
                classifier.labelName(),
                String.join(", ", given),
                p,
                c);
        return new Prediction(text, Map.of("probability", p, "class", (double) c));
    }

    @Override
    public Optional<GradientProblem> gradientProblem(TrainingData data, GradientCheck.Options options) {
        return Optional.of(LogisticRegressionGradient.of(classifier, data, options));
    }

    @Override
    public void save(Path directory) throws IOException {
        ModelFiles.save(classifier, directory);
    }

    static LogisticRegressionModel load(Path directory, Device device) throws IOException {
        return loaded(ModelFiles.load(directory));
    }

    /** Formats a number for people: up to six significant digits, no trailing zeros. */
    static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(String.format(Locale.ROOT, "%.6g", value))
                .stripTrailingZeros()
                .toPlainString();
    }

    @Override
    public void close() {
        // Nothing native is held: the weights live in the host-side classifier.
    }
}
