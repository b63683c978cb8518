package dev.lectern.plugin.mlp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.ImageSet;
import dev.lectern.plugin.api.Table;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.api.gradient.GradientCheck;
import dev.lectern.plugin.api.gradient.GradientParameter;
import dev.lectern.plugin.api.gradient.GradientProblem;
import dev.lectern.plugin.support.CheckBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gradient check's view of a network: every layer's W and b (named W1, b1, W2, … from the input side), and the
 * mean cross-entropy {@link MlpTrainer#crossEntropy} of the training forward pass {@link DeviceNet#forward} without
 * dropout, on a few rows (or training images) scaled as the network saw them.
 */
final class MlpGradient implements GradientProblem {

    private final MlpNet net;
    private final double[] x;
    private final double[] oneHot;
    private final int rows;

    private MlpGradient(MlpNet net, double[] x, double[] oneHot, int rows) {
        this.net = net;
        this.x = x;
        this.oneHot = oneHot;
        this.rows = rows;
    }

    static MlpGradient of(MlpNet net, TrainingData data, GradientCheck.Options options) {
        int d = net.inputs();
        int k = net.classes();
        double[] x;
        int[] labels;
        if (data.info().kind() == DatasetKind.IMAGES) {
            ImageSet train = data.images().train();
            if (train.height() * train.width() != d) {
                throw new IllegalArgumentException("images of " + train.height() + "x" + train.width()
                        + " do not fit a network of " + d + " inputs");
            }
            int[] picked = CheckBatch.rows(train.count(), options.batchRows(), options.seed());
            x = new double[picked.length * d];
            labels = new int[picked.length];
            for (int r = 0; r < picked.length; r++) {
                for (int p = 0; p < d; p++) {
                    x[r * d + p] = train.pixels()[picked[r] * d + p] & 0xff;
                }
                labels[r] = train.labels()[picked[r]] & 0xff;
            }
        } else {
            Table table = data.table();
            if (table.featureIndices().length != d) {
                throw new IllegalArgumentException("data set '" + data.info().id() + "' has "
                        + table.featureIndices().length + " feature columns; the network has " + d + " inputs");
            }
            int[] picked = CheckBatch.rows(table.rows(), options.batchRows(), options.seed());
            x = CheckBatch.select(table.features(), d, picked);
            float[] label = table.label();
            labels = new int[picked.length];
            for (int r = 0; r < picked.length; r++) {
                labels[r] = (int) label[picked[r]];
            }
        }
        // The network saw (raw − mean) / scale: pixel / 255 for images, the z-score (or the raw value) for tables.
        for (int i = 0; i < x.length; i++) {
            x[i] = (x[i] - net.mean()[i % d]) / net.scale()[i % d];
        }
        double[] oneHot = new double[labels.length * k];
        for (int r = 0; r < labels.length; r++) {
            if (labels[r] < 0 || labels[r] >= k) {
                throw new IllegalArgumentException(
                        "label " + labels[r] + " is not one of the network's " + k + " classes");
            }
            oneHot[r * k + labels[r]] = 1;
        }
        return new MlpGradient(net, x, oneHot, labels.length);
    }

    @Override
    public int examples() {
        return rows;
    }

    @Override
    public List<GradientParameter> parameters() {
        int[] sizes = MlpNet.sizes(net.inputs(), net.hidden(), net.classes());
        List<GradientParameter> parameters = new ArrayList<>();
        for (int l = 0; l < net.weights().size(); l++) {
            parameters.add(GradientParameter.of("W" + (l + 1), net.weights().get(l), sizes[l + 1], sizes[l]));
            parameters.add(GradientParameter.of("b" + (l + 1), net.biases().get(l), sizes[l + 1]));
        }
        return parameters;
    }

    @Override
    public NDArray loss(NDManager manager, Map<String, NDArray> parameters) {
        List<NDArray> weights = new ArrayList<>();
        List<NDArray> biases = new ArrayList<>();
        for (int l = 1; l <= net.weights().size(); l++) {
            weights.add(parameters.get("W" + l));
            biases.add(parameters.get("b" + l));
        }
        NDArray xs = manager.create(x, new Shape(rows, net.inputs()));
        NDArray ys = manager.create(oneHot, new Shape(rows, net.classes()));
        NDArray logits = DeviceNet.forward(xs, weights, biases, net.activation(), h -> h);
        return MlpTrainer.crossEntropy(logits, ys);
    }
}
