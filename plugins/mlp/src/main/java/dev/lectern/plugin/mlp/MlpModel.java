package dev.lectern.plugin.mlp;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A trained network. Its numbers live on the host, so predicting needs no native memory. Saving writes a regular DJL
 * model: a {@link SequentialBlock} of {@link Linear} layers with the activation between them, and the layer widths,
 * activation, class names, input names and input scaling as model properties.
 */
final class MlpModel extends ReportingModel {

    private static final String MODEL_NAME = "mlp";
    private static final String FEATURES = "features";
    private static final String CLASSES = "classes";
    private static final String HIDDEN = "hiddenLayers";
    private static final String ACTIVATION = "activation";
    private static final String MEAN = "mean";
    private static final String SCALE = "scale";
    private static final String IMAGE_SHAPE = "imageShape";
    // Unit separator: cannot occur in a column name typed into a CSV header.
    private static final String SEPARATOR = "\u001f";

    private final MlpNet net;
    private final int[] imageShape;

    MlpModel(MlpNet net, int[] imageShape, Map<String, Double> summary, List<View> views) {
        super(summary, views);
        this.net = net;
        this.imageShape = imageShape;
    }

    MlpNet net() {
        return net;
    }

    @Override
    public List<ParamSpec> predictInputs() {
        if (imageShape != null) {
            return List.of();
        }
        return FeatureInputs.declare(net.featureNames());
    }

    @Override
    public Prediction predict(ParamValues input) {
        if (imageShape != null) {
            throw new UnsupportedOperationException("this model predicts from tables only");
        }
        float[] x = FeatureInputs.readFloats(input, net.inputs());
        double[] p = net.probabilities(x);
        int predicted = Probabilities.argMax(p);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("class", (double) predicted);
        for (int c = 0; c < p.length; c++) {
            values.put("p" + c, p[c]);
        }
        return new Prediction(
                String.format(
                        Locale.ROOT, "class %s (p = %.3f)", net.classNames().get(predicted), p[predicted]),
                values);
    }

    @Override
    public Optional<GradientProblem> gradientProblem(TrainingData data, GradientCheck.Options options) {
        return Optional.of(MlpGradient.of(net, data, options));
    }

    @Override
    public void save(Path directory) throws IOException {
        try (Model model = Model.newInstance(MODEL_NAME, Device.cpu())) {
            List<Linear> linears = new ArrayList<>();
            SequentialBlock block = block(net.hidden(), net.classes(), net.activation(), linears);
            model.setBlock(block);
            ZeroInit.initialize(block, model.getNDManager(), DataType.FLOAT32, new Shape(1, net.inputs()));
            for (int l = 0; l < linears.size(); l++) {
                linears.get(l)
                        .getParameters()
                        .get("weight")
                        .getArray()
                        .set(net.weights().get(l));
                linears.get(l)
                        .getParameters()
                        .get("bias")
                        .getArray()
                        .set(net.biases().get(l));
            }
            model.setProperty(FEATURES, String.join(SEPARATOR, net.featureNames()));
            model.setProperty(CLASSES, String.join(SEPARATOR, net.classNames()));
            model.setProperty(HIDDEN, HiddenLayers.format(net.hidden()));
            model.setProperty(ACTIVATION, net.activation());
            model.setProperty(MEAN, FloatText.join(net.mean()));
            model.setProperty(SCALE, FloatText.join(net.scale()));
            if (imageShape != null) {
                model.setProperty(IMAGE_SHAPE, imageShape[0] + "x" + imageShape[1]);
            }
            model.save(directory, MODEL_NAME);
        }
    }

    static MlpModel load(Path directory) throws IOException {
        try (Model model = Model.newInstance(MODEL_NAME, Device.cpu())) {
            // The properties are read with the parameters, so the block is built from a first look at them.
            Model probe = Model.newInstance(MODEL_NAME, Device.cpu());
            Map<String, String> props;
            try (probe) {
                probe.setBlock(new SequentialBlock());
                try {
                    probe.load(directory, MODEL_NAME);
                } catch (MalformedModelException | RuntimeException e) {
                    // Expected: the empty block does not match the parameters; the properties are read by then.
                }
                props = new LinkedHashMap<>();
                for (String key : List.of(FEATURES, CLASSES, HIDDEN, ACTIVATION, MEAN, SCALE, IMAGE_SHAPE)) {
                    if (probe.getProperty(key) != null) {
                        props.put(key, probe.getProperty(key));
                    }
                }
            }
            int[] hidden = HiddenLayers.parse(require(props, HIDDEN, directory));
            List<String> classes =
                    Arrays.asList(require(props, CLASSES, directory).split(SEPARATOR, -1));
            String activation = require(props, ACTIVATION, directory);
            List<Linear> linears = new ArrayList<>();
            model.setBlock(block(hidden, classes.size(), activation, linears));
            model.load(directory, MODEL_NAME);
            List<float[]> weights = new ArrayList<>();
            List<float[]> biases = new ArrayList<>();
            for (Linear linear : linears) {
                weights.add(linear.getParameters().get("weight").getArray().toFloatArray());
                biases.add(linear.getParameters().get("bias").getArray().toFloatArray());
            }
            MlpNet net = new MlpNet(
                    Arrays.asList(require(props, FEATURES, directory).split(SEPARATOR, -1)),
                    hidden,
                    activation,
                    classes,
                    weights,
                    biases,
                    FloatText.split(require(props, MEAN, directory)),
                    FloatText.split(require(props, SCALE, directory)));
            int[] imageShape = null;
            if (props.containsKey(IMAGE_SHAPE)) {
                String[] hw = props.get(IMAGE_SHAPE).split("x");
                imageShape = new int[] {Integer.parseInt(hw[0]), Integer.parseInt(hw[1])};
            }
            return new MlpModel(net, imageShape, Map.of(), List.of());
        } catch (MalformedModelException | RuntimeException e) {
            throw new IOException("saved MLP in " + directory + " is damaged: " + e.getMessage(), e);
        }
    }

    /** Linear, activation, Linear, …, Linear: the inference network (dropout is off when predicting). */
    static SequentialBlock block(int[] hidden, int classes, String activation, List<Linear> linears) {
        SequentialBlock block = new SequentialBlock();
        for (int width : hidden) {
            Linear linear = Linear.builder().setUnits(width).build();
            linears.add(linear);
            block.add(linear);
            block.add(activationBlock(activation));
        }
        Linear output = Linear.builder().setUnits(classes).build();
        linears.add(output);
        block.add(output);
        return block;
    }

    private static Block activationBlock(String activation) {
        return switch (activation) {
            case "sigmoid" -> Activation.sigmoidBlock();
            case "tanh" -> Activation.tanhBlock();
            default -> Activation.reluBlock();
        };
    }

    private static String require(Map<String, String> props, String key, Path directory) throws IOException {
        String value = props.get(key);
        if (value == null) {
            throw new IOException("saved MLP in " + directory + " lacks the property '" + key + "'");
        }
        return value;
    }

    @Override
    public void close() {
        // Nothing native is held: the weights were copied to the host when training ended.
    }
}
