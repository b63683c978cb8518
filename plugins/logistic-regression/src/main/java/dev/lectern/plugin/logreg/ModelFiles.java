package dev.lectern.plugin.logreg;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import dev.lectern.plugin.support.ZeroInit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Saves a classifier as a regular DJL model: W and b (scaled units) in a {@link Linear} block's parameters, and what
 * the block alone cannot hold, the scaling, the threshold and the column names, as model properties. Numbers are
 * written with {@link Double#toString}, which reads back to the same bits, so a loaded model predicts exactly the
 * same as the trained one.
 */
final class ModelFiles {

    private static final String MODEL_NAME = "logistic-regression";
    private static final String FEATURES = "features";
    private static final String LABEL = "label";
    private static final String MEAN = "scaling.mean";
    private static final String STD = "scaling.std";
    private static final String THRESHOLD = "threshold";
    private static final String SEPARATOR = "\u001f";

    private ModelFiles() {}

    static void save(Classifier classifier, Path directory) throws IOException {
        try (Model model = Model.newInstance(MODEL_NAME, Device.cpu())) {
            Linear block = Linear.builder().setUnits(1).build();
            model.setBlock(block);
            ZeroInit.initialize(block, model.getNDManager(), DataType.FLOAT32, new Shape(1, classifier.features()));
            block.getParameters().get("weight").getArray().set(classifier.w());
            block.getParameters().get("bias").getArray().set(new float[] {classifier.b()});
            model.setProperty(FEATURES, String.join(SEPARATOR, classifier.featureNames()));
            model.setProperty(LABEL, classifier.labelName());
            model.setProperty(MEAN, join(classifier.scaling().mean()));
            model.setProperty(STD, join(classifier.scaling().std()));
            model.setProperty(THRESHOLD, Double.toString(classifier.threshold()));
            model.save(directory, MODEL_NAME);
        }
    }

    static Classifier load(Path directory) throws IOException {
        try (Model model = Model.newInstance(MODEL_NAME, Device.cpu())) {
            Linear block = Linear.builder().setUnits(1).build();
            model.setBlock(block);
            model.load(directory, MODEL_NAME);
            float[] w = block.getParameters().get("weight").getArray().toFloatArray();
            float b = block.getParameters().get("bias").getArray().getFloat();
            List<String> names = Arrays.asList(require(model, FEATURES).split(SEPARATOR, -1));
            FeatureScaling scaling = new FeatureScaling(split(require(model, MEAN)), split(require(model, STD)));
            if (names.size() != w.length || scaling.mean().length != w.length || scaling.std().length != w.length) {
                throw new IOException("saved logistic-regression model in " + directory + " has " + w.length
                        + " weights but " + names.size() + " feature names and " + scaling.mean().length + " means");
            }
            return new Classifier(
                    names, require(model, LABEL), w, b, scaling, Double.parseDouble(require(model, THRESHOLD)));
        } catch (MalformedModelException | NumberFormatException e) {
            throw new IOException(
                    "saved logistic-regression model in " + directory + " is damaged: " + e.getMessage(), e);
        }
    }

    private static String require(Model model, String key) throws IOException {
        String value = model.getProperty(key);
        if (value == null) {
            throw new IOException("saved logistic-regression model lacks the property '" + key + "'");
        }
        return value;
    }

    private static String join(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    private static double[] split(String text) {
        return Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}
