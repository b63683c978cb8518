package dev.lectern.plugin.softmax;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import dev.lectern.plugin.api.Table;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.api.gradient.GradientCheck;
import dev.lectern.plugin.api.gradient.GradientParameter;
import dev.lectern.plugin.api.gradient.GradientProblem;
import dev.lectern.plugin.support.CheckBatch;
import java.util.List;
import java.util.Map;

/**
 * The gradient check's view of a softmax classifier: W (classes × features) and b as trained, and the trainer's
 * cross-entropy {@link SoftmaxRegressionTrainer#crossEntropy} of S(xWᵀ + b) on a few rows, scaled as in training.
 */
final class SoftmaxRegressionGradient implements GradientProblem {

    private final SoftmaxWeights weights;
    private final double[] x;
    private final double[] oneHot;
    private final int rows;

    private SoftmaxRegressionGradient(SoftmaxWeights weights, double[] x, double[] oneHot, int rows) {
        this.weights = weights;
        this.x = x;
        this.oneHot = oneHot;
        this.rows = rows;
    }

    static SoftmaxRegressionGradient of(SoftmaxWeights weights, TrainingData data, GradientCheck.Options options) {
        Table table = data.table();
        int d = weights.features();
        int k = weights.classes();
        if (table.featureIndices().length != d || table.labelIndices().length == 0) {
            throw new IllegalArgumentException("data set '" + data.info().id() + "' has "
                    + table.featureIndices().length + " feature columns; the model was trained on " + d);
        }
        int[] picked = CheckBatch.rows(table.rows(), options.batchRows(), options.seed());
        double[] x = CheckBatch.select(table.features(), d, picked);
        for (int i = 0; i < x.length; i++) {
            x[i] = (x[i] - weights.mean()[i % d]) / weights.scale()[i % d];
        }
        float[] labels = table.label();
        double[] oneHot = new double[picked.length * k];
        for (int r = 0; r < picked.length; r++) {
            float label = labels[picked[r]];
            if (label != Math.rint(label) || label < 0 || label >= k) {
                throw new IllegalArgumentException("label " + label + " in data row " + (picked[r] + 1)
                        + " is not one of the model's " + k + " classes");
            }
            oneHot[r * k + (int) label] = 1;
        }
        return new SoftmaxRegressionGradient(weights, x, oneHot, picked.length);
    }

    @Override
    public int examples() {
        return rows;
    }

    @Override
    public List<GradientParameter> parameters() {
        return List.of(
                GradientParameter.of("W", weights.w(), weights.classes(), weights.features()),
                GradientParameter.of("b", weights.b(), weights.classes()));
    }

    @Override
    public NDArray loss(NDManager manager, Map<String, NDArray> parameters) {
        NDArray xs = manager.create(x, new Shape(rows, weights.features()));
        NDArray ys = manager.create(oneHot, new Shape(rows, weights.classes()));
        NDArray logits =
                Linear.linear(xs, parameters.get("W"), parameters.get("b")).singletonOrThrow();
        return SoftmaxRegressionTrainer.crossEntropy(logits, ys);
    }
}
