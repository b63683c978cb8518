package dev.lectern.plugin.linreg;

import dev.lectern.plugin.api.ParamSpec;
import java.util.List;

/** The declared hyperparameters; the defaults are the Coursera ex1 settings (α = 0.01, 1500 iterations, θ = 0). */
final class LinearRegressionParams {

    static final String LEARNING_RATE = "learningRate";
    static final String EPOCHS = "epochs";
    static final String BATCH_SIZE = "batchSize";
    static final String OPTIMIZER = "optimizer";
    static final String INIT = "init";
    static final String SEED = "seed";

    static final List<ParamSpec> SPECS = List.of(
            ParamSpec.ofDouble(LEARNING_RATE, "Learning rate α", 0.01, 1e-7, 10,
                    "Step size of gradient descent. Too large and the cost grows instead of falling."),
            ParamSpec.ofInt(EPOCHS, "Epochs", 1500, 1, 1_000_000,
                    "Passes over the data. With full-batch training one epoch is one gradient step (an iteration)."),
            ParamSpec.ofInt(BATCH_SIZE, "Batch size", 0, 0, 1_000_000,
                    "Rows per gradient step; 0 means the full batch, as in the lecture."),
            ParamSpec.ofChoice(OPTIMIZER, "Optimizer", "sgd", List.of("sgd", "momentum", "adam"),
                    "sgd is plain gradient descent; momentum adds velocity (0.9); adam adapts the step per parameter."),
            ParamSpec.ofChoice(INIT, "Initial W and b", "zeros", List.of("zeros", "normal"),
                    "zeros starts from W = 0, b = 0 like the lecture; normal draws them from N(0, 1) with the seed."),
            ParamSpec.ofInt(SEED, "Random seed", 42, 0, Integer.MAX_VALUE,
                    "Fixes the initial values and the batch order, so a run can be repeated exactly."));

    private LinearRegressionParams() {}
}
