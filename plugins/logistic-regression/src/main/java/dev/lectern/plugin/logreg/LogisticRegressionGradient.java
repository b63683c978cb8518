package dev.lectern.plugin.logreg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.api.gradient.GradientCheck;
import dev.lectern.plugin.api.gradient.GradientParameter;
import dev.lectern.plugin.api.gradient.GradientProblem;
import dev.lectern.plugin.support.CheckBatch;
import java.util.List;
import java.util.Map;

/**
 * The gradient check's view of a classifier: W and b as trained (on the scaled features), and the trainer's
 * cross-entropy {@link LogisticRegressionTrainer#crossEntropy} of σ(x'W + b) on a few rows, scaled as in training.
 */
final class LogisticRegressionGradient implements GradientProblem {

    private final Classifier classifier;
    private final double[] x;
    private final double[] y;
    private final int rows;

    private LogisticRegressionGradient(Classifier classifier, double[] x, double[] y, int rows) {
        this.classifier = classifier;
        this.x = x;
        this.y = y;
        this.rows = rows;
    }

    static LogisticRegressionGradient of(Classifier classifier, TrainingData data, GradientCheck.Options options) {
        BinaryTable table = BinaryTable.of(data);
        int d = classifier.features();
        if (table.features() != d) {
            throw new IllegalArgumentException("data set '" + data.info().id() + "' has " + table.features()
                    + " feature columns; the model was trained on " + d);
        }
        int[] picked = CheckBatch.rows(table.rows(), options.batchRows(), options.seed());
        double[] x = CheckBatch.select(table.x(), d, picked);
        FeatureScaling scaling = classifier.scaling();
        for (int i = 0; i < x.length; i++) {
            x[i] = (x[i] - scaling.mean()[i % d]) / scaling.std()[i % d];
        }
        return new LogisticRegressionGradient(classifier, x, CheckBatch.select(table.y(), 1, picked), picked.length);
    }

    @Override
    public int examples() {
        return rows;
    }

    @Override
    public List<GradientParameter> parameters() {
        int d = classifier.features();
        return List.of(
                GradientParameter.of("W", classifier.w(), 1, d),
                GradientParameter.of("b", new float[] {classifier.b()}, 1));
    }

    @Override
    public NDArray loss(NDManager manager, Map<String, NDArray> parameters) {
        NDArray xs = manager.create(x, new Shape(rows, classifier.features()));
        NDArray ys = manager.create(y, new Shape(rows, 1));
        NDArray z = Linear.linear(xs, parameters.get("W"), parameters.get("b")).singletonOrThrow();
        return LogisticRegressionTrainer.crossEntropy(z, ys);
    }
}
