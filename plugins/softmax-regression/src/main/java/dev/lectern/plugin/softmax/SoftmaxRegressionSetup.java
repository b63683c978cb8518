package dev.lectern.plugin.softmax;

import static dev.lectern.plugin.softmax.SoftmaxRegressionParams.FEATURE_SCALING;
import static dev.lectern.plugin.softmax.SoftmaxRegressionParams.INIT;
import static dev.lectern.plugin.softmax.SoftmaxRegressionParams.LEARNING_RATE;
import static dev.lectern.plugin.softmax.SoftmaxRegressionParams.OPTIMIZER;
import static dev.lectern.plugin.softmax.SoftmaxRegressionParams.TEST_FRACTION;

import ai.djl.training.optimizer.Optimizer;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.api.view.View;
import dev.lectern.plugin.support.Optimizers;
import dev.lectern.plugin.support.Probabilities;
import dev.lectern.plugin.support.StepReporter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What one run's hyperparameters turn into on the host: the prepared data, the initial values, the optimizer, the
 * batch order, and at the end the model with its summary and views. Kept apart from the loop so the loop reads as
 * the lecture's algorithm.
 */
final class SoftmaxRegressionSetup {

    private final ParamValues params;

    SoftmaxRegressionSetup(ParamValues params) {
        this.params = params;
    }

    ClassificationData prepare(TrainingData data, long seed) {
        boolean standardize = "standardize".equals(params.getString(FEATURE_SCALING));
        return ClassificationData.prepare(data, params.getDouble(TEST_FRACTION), standardize, seed);
    }

    /** Zeros (every class equally likely at the start, as in the lesson) or N(0, 1) draws like the lab's random_normal. */
    float[] initial(int count, Random random) {
        float[] values = new float[count];
        if ("normal".equals(params.getString(INIT))) {
            for (int i = 0; i < count; i++) {
                values[i] = (float) random.nextGaussian();
            }
        }
        return values;
    }

    /** The chosen optimizer, with a learning rate the user may change while the run trains. */
    Optimizer optimizer(StepReporter reporter) {
        return Optimizers.byName(
                params.getString(OPTIMIZER), reporter.liveRate(LEARNING_RATE, params.getDouble(LEARNING_RATE)));
    }

    SoftmaxRegressionModel result(
            ClassificationData data,
            float[] w,
            float[] b,
            double cost,
            int[] trainPredicted,
            int[] testPredicted,
            double msPerEpoch,
            long steps) {
        SoftmaxWeights weights = new SoftmaxWeights(
                data.featureNames(), data.labelName(), data.classes(), w, b, data.mean(), data.scale());
        Map<String, Double> summary = new LinkedHashMap<>();
        summary.put("cost", cost);
        summary.put("trainAccuracy", accuracy(trainPredicted, data.trainY()));
        if (data.hasTestSplit()) {
            summary.put("testAccuracy", accuracy(testPredicted, data.testY()));
        }
        summary.put("classes", (double) data.classes());
        summary.put("steps", (double) steps);
        summary.put("msPerEpoch", msPerEpoch);
        return new SoftmaxRegressionModel(
                weights, summary, SoftmaxRegressionViews.of(data, weights, trainPredicted, testPredicted, cost));
    }

    /** Scoring every row on the host for the live pictures costs about this many multiply-adds at most. */
    private static final long LIVE_SCORING_BUDGET = 20_000_000L;

    /**
     * The pictures of the model as it trains (API 1.4), scored on the host from W and b: every row when that is cheap
     * (the lecture's tables), else only the sample and the formulas.
     */
    List<View> liveViews(ClassificationData data, float[] w, float[] b) {
        SoftmaxWeights weights = new SoftmaxWeights(
                data.featureNames(), data.labelName(), data.classes(), w, b, data.mean(), data.scale());
        long rows = data.trainY().length + (data.hasTestSplit() ? data.testY().length : 0);
        if (rows * data.classes() * data.features() > LIVE_SCORING_BUDGET) {
            return SoftmaxRegressionViews.of(data, weights, null, null, Double.NaN);
        }
        double[] cost = new double[1];
        int[] trainPredicted = predict(weights, data.trainX(), data.trainY(), cost);
        int[] testPredicted =
                data.hasTestSplit() ? predict(weights, data.testX(), data.testY(), new double[1]) : new int[0];
        return SoftmaxRegressionViews.of(data, weights, trainPredicted, testPredicted, cost[0]);
    }

    /** Each row's class, and the mean cross-entropy into {@code cost[0]}. */
    private static int[] predict(SoftmaxWeights weights, float[] x, int[] truth, double[] cost) {
        int[] predicted = new int[truth.length];
        double sum = 0;
        for (int r = 0; r < truth.length; r++) {
            double[] p = Probabilities.softmax(weights.scaledLogits(x, r));
            predicted[r] = Probabilities.argMax(p);
            sum -= Math.log(p[truth[r]]);
        }
        cost[0] = sum / Math.max(1, truth.length);
        return predicted;
    }

    private static double accuracy(int[] predicted, int[] truth) {
        int right = 0;
        for (int i = 0; i < truth.length; i++) {
            right += predicted[i] == truth[i] ? 1 : 0;
        }
        return (double) right / truth.length;
    }
}
