package dev.lectern.plugin.logreg;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.lectern.plugin.api.ParamValues;
import java.util.Random;

/** The small choices a run makes before its loop: the optimizer, the initial values and the batch order. */
final class TrainingSetup {

    private TrainingSetup() {}

    static Optimizer optimizer(ParamValues params) {
        Tracker rate = Tracker.fixed((float) params.getDouble(LogisticRegressionParams.LEARNING_RATE));
        return switch (params.getString(LogisticRegressionParams.OPTIMIZER)) {
            case "momentum" -> Optimizer.sgd().setLearningRateTracker(rate).optMomentum(0.9f).build();
            case "adam" -> Optimizer.adam().optLearningRateTracker(rate).build();
            default -> Optimizer.sgd().setLearningRateTracker(rate).build();
        };
    }

    /** Returns zeros, or N(0, 1) draws from the run's generator when the user asked for a random start. */
    static float[] initial(ParamValues params, int count, Random random) {
        float[] values = new float[count];
        if ("normal".equals(params.getString(LogisticRegressionParams.INIT))) {
            for (int i = 0; i < count; i++) {
                values[i] = (float) random.nextGaussian();
            }
        }
        return values;
    }

    /** Returns a Fisher–Yates shuffle of 0..n−1 from the run's generator, so the seed fixes the batch order. */
    static long[] permutation(int n, Random random) {
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
