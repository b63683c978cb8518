package dev.lectern.plugin.logreg;

import ai.djl.training.optimizer.Optimizer;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.support.Optimizers;
import dev.lectern.plugin.support.StepReporter;
import java.util.Random;

/** The small choices a run makes before its loop: the optimizer and the initial values. */
final class TrainingSetup {

    private TrainingSetup() {}

    /** The chosen optimizer, with a learning rate the user may change while the run trains. */
    static Optimizer optimizer(ParamValues params, StepReporter reporter) {
        return Optimizers.byName(
                params.getString(LogisticRegressionParams.OPTIMIZER),
                reporter.liveRate(
                        LogisticRegressionParams.LEARNING_RATE,
                        params.getDouble(LogisticRegressionParams.LEARNING_RATE)));
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
}
