package dev.lectern.plugin.linreg;

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
 * The gradient check's view of a fitted line: W and b in the data's units, and the training cost
 * J(W, b) = 1/(2m) Σ (XWᵀ + b − y)² (the trainer's own {@link LinearRegressionTrainer#halfMse}) on a few rows.
 */
final class LinearRegressionGradient implements GradientProblem {

    private final double[] w;
    private final double b;
    private final double[] x;
    private final double[] y;
    private final int rows;

    private LinearRegressionGradient(double[] w, double b, double[] x, double[] y, int rows) {
        this.w = w;
        this.b = b;
        this.x = x;
        this.y = y;
        this.rows = rows;
    }

    static LinearRegressionGradient of(double[] w, double b, TrainingData data, GradientCheck.Options options) {
        Table table = data.table();
        int features = table.featureIndices().length;
        if (features != w.length) {
            throw new IllegalArgumentException("data set '" + data.info().id() + "' has " + features
                    + " feature columns; the model was fitted on " + w.length);
        }
        int[] picked = CheckBatch.rows(table.rows(), options.batchRows(), options.seed());
        return new LinearRegressionGradient(
                w,
                b,
                CheckBatch.select(table.features(), features, picked),
                CheckBatch.select(table.label(), 1, picked),
                picked.length);
    }

    @Override
    public int examples() {
        return rows;
    }

    @Override
    public List<GradientParameter> parameters() {
        return List.of(
                GradientParameter.of("W", w.clone(), 1, w.length), GradientParameter.of("b", new double[] {b}, 1));
    }

    @Override
    public NDArray loss(NDManager manager, Map<String, NDArray> parameters) {
        NDArray xs = manager.create(x, new Shape(rows, w.length));
        NDArray ys = manager.create(y, new Shape(rows, 1));
        NDArray prediction =
                Linear.linear(xs, parameters.get("W"), parameters.get("b")).singletonOrThrow();
        return LinearRegressionTrainer.halfMse(prediction, ys, manager.create(0.5));
    }
}
