package dev.lectern.plugin.softmax;

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
import dev.lectern.plugin.support.FloatText;
import dev.lectern.plugin.support.Probabilities;
import dev.lectern.plugin.support.ReportingModel;
import dev.lectern.plugin.support.ZeroInit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A trained softmax classifier. The weights live on the host, so predicting needs no native memory; saving goes
 * through a DJL {@link Linear} block (units = classes) and {@link Model#save}, with the feature names and the scaling
 * statistics as model properties, so the file is a regular DJL model.
 */
final class SoftmaxRegressionModel extends ReportingModel {

    private static final String MODEL_NAME = "softmax-regression";
    private static final String FEATURES = "features";
    private static final String LABEL = "label";
    private static final String CLASSES = "classes";
    private static final String MEAN = "mean";
    private static final String SCALE = "scale";
    // Unit separator: cannot occur in a column name typed into a CSV header.
    private static final String SEPARATOR = "\u001f";

    private final SoftmaxWeights weights;

    SoftmaxRegressionModel(SoftmaxWeights weights, Map<String, Double> summary, List<View> views) {
        super(summary, views);
        this.weights = weights;
    }

    @Override
    public List<ParamSpec> predictInputs() {
        return FeatureInputs.declare(weights.featureNames());
    }

    @Override
    public Prediction predict(ParamValues input) {
        float[] x = FeatureInputs.readFloats(input, weights.features());
        double[] p = Probabilities.softmax(weights.logits(x));
        int predicted = Probabilities.argMax(p);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("class", (double) predicted);
        for (int c = 0; c < p.length; c++) {
            values.put("p" + c, p[c]);
        }
        return new Prediction(String.format(Locale.ROOT, "class %d (p = %.2f)", predicted, p[predicted]), values);
    }

    @Override
    public Optional<GradientProblem> gradientProblem(TrainingData data, GradientCheck.Options options) {
        return Optional.of(SoftmaxRegressionGradient.of(weights, data, options));
    }

    @Override
    public void save(Path directory) throws IOException {
        try (Model model = Model.newInstance(MODEL_NAME, Device.cpu())) {
            Linear block = Linear.builder().setUnits(weights.classes()).build();
            model.setBlock(block);
            ZeroInit.initialize(block, model.getNDManager(), DataType.FLOAT32, new Shape(1, weights.features()));
            block.getParameters().get("weight").getArray().set(weights.w());
            block.getParameters().get("bias").getArray().set(weights.b());
            model.setProperty(FEATURES, String.join(SEPARATOR, weights.featureNames()));
            model.setProperty(LABEL, weights.labelName());
            model.setProperty(CLASSES, Integer.toString(weights.classes()));
            model.setProperty(MEAN, FloatText.join(weights.mean()));
            model.setProperty(SCALE, FloatText.join(weights.scale()));
            model.save(directory, MODEL_NAME);
        }
    }

    static SoftmaxRegressionModel load(Path directory) throws IOException {
        try (Model model = Model.newInstance(MODEL_NAME, Device.cpu())) {
            // Linear reads its units and input size back from the file, so a placeholder of 1 unit is enough here.
            Linear block = Linear.builder().setUnits(1).build();
            model.setBlock(block);
            model.load(directory, MODEL_NAME);
            int classes = Integer.parseInt(require(model, CLASSES, directory));
            List<String> names =
                    Arrays.asList(require(model, FEATURES, directory).split(SEPARATOR, -1));
            SoftmaxWeights weights = new SoftmaxWeights(
                    names,
                    require(model, LABEL, directory),
                    classes,
                    block.getParameters().get("weight").getArray().toFloatArray(),
                    block.getParameters().get("bias").getArray().toFloatArray(),
                    FloatText.split(require(model, MEAN, directory)),
                    FloatText.split(require(model, SCALE, directory)));
            return new SoftmaxRegressionModel(weights, Map.of(), List.of());
        } catch (MalformedModelException | RuntimeException e) {
            throw new IOException("saved softmax model in " + directory + " is damaged: " + e.getMessage(), e);
        }
    }

    private static String require(Model model, String key, Path directory) throws IOException {
        String value = model.getProperty(key);
        if (value == null) {
            throw new IOException("saved softmax model in " + directory + " lacks the property '" + key + "'");
        }
        return value;
    }

    @Override
    public void close() {
        // Nothing native is held: the weights were copied to the host when training ended.
    }
}
