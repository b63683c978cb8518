package dev.lectern.plugin.cnn;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.Prediction;
import dev.lectern.plugin.api.view.BarChart;
import dev.lectern.plugin.api.view.BarSeries;
import dev.lectern.plugin.api.view.Image;
import dev.lectern.plugin.api.view.ImageGallery;
import dev.lectern.plugin.api.view.View;
import dev.lectern.plugin.support.ReportingModel;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A trained CNN: a DJL {@link Model} holding the {@link SequentialBlock}, saved with {@link Model#save} and the
 * architecture as model properties. Its predict form is a drawing canvas; the drawing is
 * prepared like MNIST's digits ({@link DigitPreprocessor}) and answered with the ten class probabilities.
 */
public final class CnnModel extends ReportingModel {

    static final String MODEL_NAME = "cnn";
    private static final String PRESET = "preset";
    private static final String CHANNELS = "channels";
    private static final String KERNEL = "kernel";
    private static final String FC_UNITS = "fcUnits";
    private static final String DROPOUT = "dropout";
    private static final String CLASSES = "classes";
    private static final String CLASS_NAMES = "classNames";
    private static final String HEIGHT = "height";
    private static final String WIDTH = "width";
    private static final String INPUT_MEAN = "inputMean";
    private static final String INPUT_STD = "inputStd";
    static final String DIGIT = "digit";
    // Unit separator: cannot occur in a class name.
    private static final String SEPARATOR = "\u001f";
    private static final String PROPERTIES_FILE = "cnn.properties";

    private final Model model;
    private final String preset;
    private final CnnArchitecture architecture;
    private final int height;
    private final int width;
    private final InputScale scale;
    private final List<String> classNames;

    CnnModel(
            Model model,
            String preset,
            CnnArchitecture architecture,
            int height,
            int width,
            InputScale scale,
            List<String> classNames,
            Map<String, Double> summary,
            List<View> views) {
        super(summary, views);
        this.model = model;
        this.preset = preset;
        this.architecture = architecture;
        this.height = height;
        this.width = width;
        this.scale = scale;
        this.classNames = List.copyOf(classNames);
    }

    /** The same model with its after-training views. */
    CnnModel withViews(List<View> newViews) {
        return new CnnModel(model, preset, architecture, height, width, scale, classNames, summary(), newViews);
    }

    int height() {
        return height;
    }

    int width() {
        return width;
    }

    /** How raw [0, 1] grey levels are standardised before the network sees them. */
    InputScale scale() {
        return scale;
    }

    /** The network's architecture. */
    CnnArchitecture architecture() {
        return architecture;
    }

    SequentialBlock block() {
        return (SequentialBlock) model.getBlock();
    }

    /**
     * Classifies one image given as row-major grey levels in [0, 1] (white digit on black, like MNIST), for the drawing
     * canvas.
     *
     * @param pixels height × width intensities (784 for MNIST)
     * @return the softmax probability of each class
     */
    public float[] predictPixels(float[] pixels) {
        if (pixels.length != height * width) {
            throw new IllegalArgumentException(
                    "expected " + height * width + " pixels (" + height + "x" + width + "), got " + pixels.length);
        }
        return probabilities(pixels, 1)[0];
    }

    /** Softmax probabilities of {@code count} images given as consecutive row-major [0, 1] pixels. */
    float[][] probabilities(float[] pixels, int count) {
        try (NDManager sub = model.getNDManager().newSubManager()) {
            NDArray x = scale.apply(sub.create(pixels, new Shape(count, 1, height, width)));
            NDArray p = block().forward(new ParameterStore(sub, false), new NDList(x), false)
                    .singletonOrThrow()
                    .softmax(1);
            float[] flat = p.toType(DataType.FLOAT32, false).toFloatArray();
            float[][] rows = new float[count][];
            int k = flat.length / count;
            for (int i = 0; i < count; i++) {
                rows[i] = Arrays.copyOfRange(flat, i * k, (i + 1) * k);
            }
            return rows;
        }
    }

    @Override
    public List<ParamSpec> predictInputs() {
        return List.of(ParamSpec.ofImage(
                DIGIT,
                "Your digit",
                "Draw one digit, white on black, as large as you like anywhere on the square; it is scaled and centred "
                        + "like MNIST's digits before the network reads it."));
    }

    @Override
    public Prediction predict(ParamValues input) {
        float[] pixels = DigitPreprocessor.fromPng(ParamSpec.imageBytes(input.getString(DIGIT)), DIGIT, height, width);
        float[] p = predictPixels(pixels);
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        double[] bars = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            values.put(classNames.get(i), (double) p[i]);
            bars[i] = p[i];
        }
        String text = String.format(java.util.Locale.ROOT, "%s (%.1f %% sure)", classNames.get(best), 100.0 * p[best]);
        List<View> pictures = List.of(
                new BarChart(
                        "Softmax probability of each digit",
                        classNames,
                        "probability",
                        List.of(new BarSeries("probability", bars))),
                new ImageGallery(
                        "What the network saw: your drawing scaled and centred like MNIST",
                        List.of(new Image("28×28 input", width, height, pixels))));
        return new Prediction(text, values, pictures);
    }

    /** The class names, index by index. */
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public void save(Path directory) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(PRESET, preset);
        properties.setProperty(CHANNELS, architecture.channelText());
        properties.setProperty(KERNEL, Integer.toString(architecture.kernel()));
        properties.setProperty(FC_UNITS, Integer.toString(architecture.fcUnits()));
        properties.setProperty(DROPOUT, Double.toString(architecture.dropout()));
        properties.setProperty(CLASSES, Integer.toString(architecture.classes()));
        properties.setProperty(CLASS_NAMES, String.join(SEPARATOR, classNames));
        properties.setProperty(HEIGHT, Integer.toString(height));
        properties.setProperty(WIDTH, Integer.toString(width));
        properties.setProperty(INPUT_MEAN, Float.toString(scale.mean()));
        properties.setProperty(INPUT_STD, Float.toString(scale.std()));
        // In the DJL file too, so that it is a self-describing DJL model; the side file lets load() build the block
        // first.
        properties.forEach((key, value) -> model.setProperty((String) key, (String) value));
        model.save(directory, MODEL_NAME);
        try (Writer out = Files.newBufferedWriter(directory.resolve(PROPERTIES_FILE), StandardCharsets.UTF_8)) {
            properties.store(out, "Lectern CNN architecture");
        }
    }

    static CnnModel load(Path directory, Device device) throws IOException {
        Path file = directory.resolve(PROPERTIES_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no saved CNN in " + directory + " (" + PROPERTIES_FILE + " is missing)");
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Model model = Model.newInstance(MODEL_NAME, device);
        try {
            CnnArchitecture architecture = new CnnArchitecture(
                    CnnArchitecture.parseChannels(require(properties, CHANNELS, directory)),
                    Integer.parseInt(require(properties, KERNEL, directory)),
                    Integer.parseInt(require(properties, FC_UNITS, directory)),
                    Double.parseDouble(require(properties, DROPOUT, directory)),
                    Integer.parseInt(require(properties, CLASSES, directory)));
            model.setBlock(architecture.build());
            model.load(directory, MODEL_NAME);
            List<String> names =
                    List.of(require(properties, CLASS_NAMES, directory).split(SEPARATOR, -1));
            return new CnnModel(
                    model,
                    require(properties, PRESET, directory),
                    architecture,
                    Integer.parseInt(require(properties, HEIGHT, directory)),
                    Integer.parseInt(require(properties, WIDTH, directory)),
                    // Models saved before inputs were standardised saw raw [0, 1] grey levels.
                    new InputScale(
                            Float.parseFloat(properties.getProperty(INPUT_MEAN, "0")),
                            Float.parseFloat(properties.getProperty(INPUT_STD, "1"))),
                    names,
                    Map.of(),
                    List.of());
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw new IOException("saved CNN in " + directory + " is damaged: " + e.getMessage(), e);
        } catch (IOException e) {
            model.close();
            throw e;
        }
    }

    private static String require(Properties properties, String key, Path directory) throws IOException {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IOException("saved CNN in " + directory + " lacks the property '" + key + "'");
        }
        return value;
    }

    @Override
    public void close() {
        model.close();
    }
}
