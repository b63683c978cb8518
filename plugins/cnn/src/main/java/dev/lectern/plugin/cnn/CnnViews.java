package dev.lectern.plugin.cnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import dev.lectern.plugin.api.ImageSet;
import dev.lectern.plugin.api.view.ConfusionMatrix;
import dev.lectern.plugin.api.view.Image;
import dev.lectern.plugin.api.view.ImageGallery;
import dev.lectern.plugin.api.view.TableView;
import dev.lectern.plugin.api.view.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lesson's pictures: the layer table, the confusion matrix, precision and recall per class, misclassified test
 * digits, the first layer's filters and one digit's feature maps after the first conv block.
 */
final class CnnViews {

    static final int MAX_MISCLASSIFIED = 24;
    /** A 3×3 filter is drawn as 24×24 pixels, so it shows at the size of a digit. */
    private static final int FILTER_PIXELS = 24;

    static List<View> all(CnnModel model, ImageSet test, int[] testPredicted) {
        List<View> views = new ArrayList<>();
        views.add(layerTable(model.architecture(), model.height(), model.width()));
        if (test.count() > 0 && testPredicted.length == test.count()) {
            long[][] counts = confusion(test, testPredicted, test.classes());
            views.add(new ConfusionMatrix(
                    "Confusion matrix on the " + test.count() + " test images (rows: true, columns: predicted)",
                    test.classNames(),
                    counts));
            views.add(perClass(counts, test.classNames()));
            views.add(misclassified(test, testPredicted));
        }
        views.add(filters(model));
        if (test.count() > 0) {
            views.add(featureMaps(model, test, 0));
        }
        return views;
    }

    /** The lecture's table: output shape, activation memory for one image and parameters per layer, with totals. */
    static TableView layerTable(CnnArchitecture architecture, int height, int width) {
        List<List<String>> rows = new ArrayList<>();
        long floats = 0;
        long parameters = 0;
        long lecture = 0;
        for (CnnArchitecture.Layer layer : architecture.layers(height, width)) {
            floats += layer.activations();
            parameters += layer.parameters();
            lecture += layer.lectureWeights();
            rows.add(List.of(
                    layer.name(),
                    layer.height() + "×" + layer.width() + "×" + layer.depth(),
                    number(layer.activations()),
                    number(layer.activations() * Float.BYTES),
                    number(layer.parameters()),
                    number(layer.lectureWeights())));
        }
        rows.add(List.of(
                "total", "", number(floats), number(floats * Float.BYTES), number(parameters), number(lecture)));
        int k = architecture.kernel();
        return new TableView(
                "Layers before training: output shape, activation memory for one image (float32) and parameters. "
                        + "The lecture counts " + k + "×" + k
                        + "×1 weights per filter (no input depth, no biases); the parameters "
                        + "column counts what is trained: " + k + "·" + k
                        + "·C_in·C_out + C_out per conv layer, in·out + out per FC layer",
                List.of(
                        "layer",
                        "output (H×W×D)",
                        "activations (floats)",
                        "memory (bytes)",
                        "parameters",
                        "lecture's count (" + k + "×" + k + "×1 filters)"),
                rows);
    }

    static long[][] confusion(ImageSet test, int[] predicted, int classes) {
        long[][] counts = new long[classes][classes];
        for (int i = 0; i < predicted.length; i++) {
            counts[Byte.toUnsignedInt(test.labels()[i])][predicted[i]]++;
        }
        return counts;
    }

    private static TableView perClass(long[][] counts, List<String> names) {
        List<List<String>> rows = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            long truePositive = counts[c][c];
            long predicted = 0;
            long support = 0;
            for (int r = 0; r < counts.length; r++) {
                predicted += counts[r][c];
                support += counts[c][r];
            }
            double precision = predicted == 0 ? Double.NaN : (double) truePositive / predicted;
            double recall = support == 0 ? Double.NaN : (double) truePositive / support;
            rows.add(List.of(names.get(c), ratio(precision), ratio(recall), Long.toString(support)));
        }
        return new TableView(
                "Precision and recall per class on the test images",
                List.of("class", "precision", "recall", "support"),
                rows);
    }

    private static ImageGallery misclassified(ImageSet test, int[] predicted) {
        List<Image> images = new ArrayList<>();
        int wrong = 0;
        for (int i = 0; i < predicted.length; i++) {
            int truth = Byte.toUnsignedInt(test.labels()[i]);
            if (predicted[i] != truth) {
                wrong++;
                if (images.size() < MAX_MISCLASSIFIED) {
                    images.add(new Image(
                            "predicted " + test.classNames().get(predicted[i]) + ", true "
                                    + test.classNames().get(truth) + " (#" + i + ")",
                            test.width(),
                            test.height(),
                            image(test, i)));
                }
            }
        }
        return new ImageGallery("Misclassified test images: " + images.size() + " of " + wrong, images);
    }

    /** The first convolution's filters, each min-max normalised on its own and enlarged without smoothing. */
    static ImageGallery filters(CnnModel model) {
        NDArray weight = firstConv(model.block()).getParameters().get("weight").getArray();
        Shape shape = weight.getShape();
        int count = (int) shape.get(0);
        int k = (int) shape.get(2);
        float[] all = weight.toFloatArray();
        int size = Math.toIntExact(shape.size() / count);
        int scale = Math.max(1, FILTER_PIXELS / k);
        List<Image> images = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            float[] filter = normalised(all, f * size, k * k);
            float[] big = new float[k * scale * k * scale];
            for (int y = 0; y < k * scale; y++) {
                for (int x = 0; x < k * scale; x++) {
                    big[y * k * scale + x] = filter[(y / scale) * k + x / scale];
                }
            }
            images.add(new Image("filter " + (f + 1), k * scale, k * scale, big));
        }
        return new ImageGallery(
                "The " + count + " learned " + k + "×" + k
                        + " filters of the first conv layer (each scaled to black = its "
                        + "most negative weight, white = its most positive)",
                images);
    }

    /** The digit and its feature maps after the first conv block (convolution, ReLU, max-pooling). */
    static ImageGallery featureMaps(CnnModel model, ImageSet test, int index) {
        float[] digit = image(test, index);
        Block firstBlock = model.block().getChildren().get(0).getValue();
        List<Image> images = new ArrayList<>();
        String truth = test.classNames().get(Byte.toUnsignedInt(test.labels()[index]));
        images.add(new Image("input: test image #" + index + " (" + truth + ")", test.width(), test.height(), digit));
        NDManager root =
                model.block().getParameters().get(0).getValue().getArray().getManager();
        try (NDManager sub = root.newSubManager()) {
            NDArray x = model.scale().apply(sub.create(digit, new Shape(1, 1, test.height(), test.width())));
            NDArray maps = firstBlock
                    .forward(new ParameterStore(sub, false), new NDList(x), false)
                    .singletonOrThrow();
            Shape shape = maps.getShape();
            int channels = (int) shape.get(1);
            int h = (int) shape.get(2);
            int w = (int) shape.get(3);
            float[] values = maps.toFloatArray();
            for (int c = 0; c < channels; c++) {
                images.add(new Image("map " + (c + 1), w, h, normalised(values, c * h * w, h * w)));
            }
        }
        return new ImageGallery(
                "Feature maps of test image #" + index + " after the first conv block (" + (images.size() - 1)
                        + " maps of the pooled ReLU output, each scaled to its own maximum)",
                images);
    }

    private static Block firstConv(SequentialBlock net) {
        Block block = net.getChildren().get(0).getValue();
        return block.getChildren().get(0).getValue();
    }

    private static float[] image(ImageSet set, int index) {
        int size = set.height() * set.width();
        float[] pixels = new float[size];
        for (int i = 0; i < size; i++) {
            pixels[i] = Byte.toUnsignedInt(set.pixels()[index * size + i]) / 255f;
        }
        return pixels;
    }

    private static float[] normalised(float[] values, int from, int length) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = from; i < from + length; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        float range = max - min;
        float[] out = new float[length];
        for (int i = 0; i < length; i++) {
            out[i] = range > 0 ? (values[from + i] - min) / range : 0f;
        }
        return out;
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.3f", value);
    }

    private CnnViews() {}
}
