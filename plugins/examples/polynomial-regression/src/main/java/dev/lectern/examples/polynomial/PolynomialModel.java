package dev.lectern.examples.polynomial;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.Initializer;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.Prediction;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.view.View;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted polynomial. The d + 1 numbers live on the host, so predicting needs no native memory. Saving writes the
 * weights as a regular DJL model (a {@link Linear} block with one unit over the d standardized features, via
 * {@link Model#save}) and the scaling beside it as JSON ({@link ModelMetadata}).
 */
final class PolynomialModel implements TrainedModel {

    private static final String MODEL_NAME = PolynomialRegressionPlugin.ID;

    private final String feature;
    private final String label;
    private final PolynomialFeatures features;
    private final double[] w;
    private final double b;
    private final Map<String, Double> summary;
    private final List<View> views;

    private PolynomialModel(
            String feature,
            String label,
            PolynomialFeatures features,
            double[] w,
            double b,
            Map<String, Double> summary,
            List<View> views) {
        this.feature = feature;
        this.label = label;
        this.features = features;
        this.w = w.clone();
        this.b = b;
        this.summary = summary;
        this.views = views;
    }

    /** Builds the model at the end of training, with its summary numbers and views. */
    static PolynomialModel trained(
            String feature,
            String label,
            PolynomialFeatures features,
            double[] w,
            double b,
            double cost,
            Optional<LeastSquares> exact,
            double msPerEpoch,
            float[] x,
            float[] y) {
        double[] theta = features.originalCoefficients(w, b);
        Map<String, Double> summary = new LinkedHashMap<>();
        for (int k = 0; k < theta.length; k++) {
            summary.put("θ" + k, theta[k]);
        }
        summary.put("cost", cost);
        exact.ifPresent(ls -> summary.put("cost (least squares)", ls.cost()));
        summary.put("msPerEpoch", msPerEpoch);
        // Which Jackson does this plugin see? 12 (its own 2.12.7) even inside a server that runs 2.18.
        summary.put("jacksonMinor", (double) ModelMetadata.jacksonMinor());
        return new PolynomialModel(
                feature,
                label,
                features,
                w,
                b,
                summary,
                PolynomialViews.of(feature, label, x, y, features, w, b, theta));
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
        return List.of(
                ParamSpec.ofDouble("x", feature, 0, -1e6, 1e6, "The input x (" + feature + ") to evaluate H(x) at."));
    }

    @Override
    public Prediction predict(ParamValues input) {
        double x = input.getDouble("x");
        double h = features.predict(x, w, b);
        return new Prediction("H(" + format(x) + ") = " + format(h) + " " + label, Map.of("y", h));
    }

    @Override
    public void save(Path directory) throws IOException {
        try (Model model = Model.newInstance(MODEL_NAME, Device.cpu())) {
            Linear block = linear(model);
            // Zeros, overwritten below: DJL's default initializer would draw from the engine's process-wide generator,
            // which every run training in the server shares.
            block.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
            block.initialize(model.getNDManager(), DataType.FLOAT64, new Shape(1, w.length));
            block.getParameters().get("weight").getArray().set(w);
            block.getParameters().get("bias").getArray().set(new double[] {b});
            model.save(directory, MODEL_NAME);
        }
        ModelMetadata.of(w.length, feature, label, features).write(directory);
    }

    static PolynomialModel load(Path directory) throws IOException {
        ModelMetadata metadata = ModelMetadata.read(directory);
        try (Model model = Model.newInstance(MODEL_NAME, Device.cpu())) {
            Linear block = linear(model);
            model.load(directory, MODEL_NAME);
            double[] w = block.getParameters().get("weight").getArray().toDoubleArray();
            double b = block.getParameters().get("bias").getArray().toDoubleArray()[0];
            if (w.length != metadata.degree()) {
                throw new IOException("saved weights have " + w.length + " features but the metadata says degree "
                        + metadata.degree());
            }
            return new PolynomialModel(
                    metadata.feature(), metadata.label(), metadata.features(), w, b, Map.of(), List.of());
        } catch (MalformedModelException e) {
            throw new IOException(
                    "saved polynomial-regression model in " + directory + " is damaged: " + e.getMessage(), e);
        }
    }

    private static Linear linear(Model model) {
        Linear block = Linear.builder().setUnits(1).build();
        model.setBlock(block);
        model.setDataType(DataType.FLOAT64);
        return block;
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    @Override
    public void close() {
        // Nothing native is held: the weights were copied to the host when training ended.
    }
}
