package dev.lectern.plugin.linreg;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.Prediction;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.api.gradient.GradientCheck;
import dev.lectern.plugin.api.gradient.GradientProblem;
import dev.lectern.plugin.api.view.View;
import dev.lectern.plugin.support.FeatureInputs;
import dev.lectern.plugin.support.ReportingModel;
import dev.lectern.plugin.support.ZeroInit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A fitted H(x) = Wx + b in the data's original units. The few weights live on the host, so predicting needs no
 * native memory; saving goes through a DJL {@link Linear} block and {@link Model#save} so the file is a regular DJL
 * model.
 */
final class LinearRegressionModel extends ReportingModel {

    private static final String MODEL_NAME = "linear-regression";
    private static final String FEATURES = "features";
    private static final String LABEL = "label";
    private static final String SEPARATOR = "\u001f";

    private final List<String> featureNames;
    private final String labelName;
    private final double[] w;
    private final double b;

    LinearRegressionModel(
            List<String> featureNames,
            String labelName,
            double[] w,
            double b,
            Map<String, Double> summary,
            List<View> views) {
        super(summary, views);
        this.featureNames = List.copyOf(featureNames);
        this.labelName = labelName;
        this.w = w;
        this.b = b;
    }

    @Override
    public List<ParamSpec> predictInputs() {
        return FeatureInputs.declare(featureNames);
    }

    @Override
    public Prediction predict(ParamValues input) {
        double y = b;
        List<String> parts = new ArrayList<>();
        double[] x = FeatureInputs.read(input, w.length);
        for (int i = 0; i < w.length; i++) {
            y += w[i] * x[i];
            parts.add(featureNames.get(i) + " = " + format(x[i]));
        }
        return new Prediction(
                "H(x) = " + format(y) + " " + labelName + " for " + String.join(", ", parts), Map.of("y", y));
    }

    /** The cost in the data's units: the same function of W and b whether the run scaled its features or not. */
    @Override
    public Optional<GradientProblem> gradientProblem(TrainingData data, GradientCheck.Options options) {
        return Optional.of(LinearRegressionGradient.of(w, b, data, options));
    }

    @Override
    public void save(Path directory) throws IOException {
        try (Model model = Model.newInstance(MODEL_NAME, Device.cpu())) {
            Linear block = Linear.builder().setUnits(1).build();
            model.setBlock(block);
            model.setDataType(DataType.FLOAT64);
            ZeroInit.initialize(block, model.getNDManager(), DataType.FLOAT64, new Shape(1, w.length));
            block.getParameters().get("weight").getArray().set(w);
            block.getParameters().get("bias").getArray().set(new double[] {b});
            model.setProperty(FEATURES, String.join(SEPARATOR, featureNames));
            model.setProperty(LABEL, labelName);
            model.save(directory, MODEL_NAME);
        }
    }

    static LinearRegressionModel load(Path directory) throws IOException {
        try (Model model = Model.newInstance(MODEL_NAME, Device.cpu())) {
            Linear block = Linear.builder().setUnits(1).build();
            model.setBlock(block);
            model.setDataType(DataType.FLOAT64);
            model.load(directory, MODEL_NAME);
            double[] w = block.getParameters().get("weight").getArray().toDoubleArray();
            double b = block.getParameters().get("bias").getArray().toDoubleArray()[0];
            String features = model.getProperty(FEATURES);
            List<String> names =
                    features == null ? defaultNames(w.length) : Arrays.asList(features.split(SEPARATOR, -1));
            String label = model.getProperty(LABEL) == null ? "y" : model.getProperty(LABEL);
            return new LinearRegressionModel(names, label, w, b, Map.of(), List.of());
        } catch (MalformedModelException e) {
            throw new IOException(
                    "saved linear-regression model in " + directory + " is damaged: " + e.getMessage(), e);
        }
    }

    private static List<String> defaultNames(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add("x" + i);
        }
        return names;
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    @Override
    public void close() {
        // Nothing native is held: the weights were copied to the host when training ended.
    }
}
