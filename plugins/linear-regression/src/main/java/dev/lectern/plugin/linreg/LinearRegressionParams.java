package dev.lectern.plugin.linreg;

import dev.lectern.plugin.api.ParamSpec;
import java.util.List;
import java.util.Map;

/** The declared hyperparameters; the defaults are the Coursera ex1 settings (α = 0.01, 1500 iterations, θ = 0). */
final class LinearRegressionParams {

    static final String LEARNING_RATE = "learningRate";
    static final String EPOCHS = "epochs";
    static final String BATCH_SIZE = "batchSize";
    static final String OPTIMIZER = "optimizer";
    static final String INIT = "init";
    static final String FEATURE_SCALING = "featureScaling";
    static final String SEED = "seed";

    static final List<ParamSpec> SPECS = List.of(
            ParamSpec.ofDouble(
                    LEARNING_RATE,
                    "Learning rate α",
                    0.01,
                    1e-7,
                    10,
                    "Step size of gradient descent. Too large and the cost grows instead of falling."),
            ParamSpec.ofInt(
                    EPOCHS,
                    "Epochs",
                    1500,
                    1,
                    1_000_000,
                    "Passes over the data. With full-batch training one epoch is one gradient step (an iteration)."),
            ParamSpec.ofInt(
                    BATCH_SIZE,
                    "Batch size",
                    0,
                    0,
                    1_000_000,
                    "Rows per gradient step; 0 means the full batch, as in the lecture."),
            ParamSpec.ofChoice(
                    OPTIMIZER,
                    "Optimizer",
                    "sgd",
                    List.of("sgd", "momentum", "adam"),
                    "sgd is plain gradient descent; momentum adds velocity (0.9); adam adapts the step per parameter."),
            ParamSpec.ofChoice(
                    FEATURE_SCALING,
                    "Feature scaling",
                    "standardize",
                    List.of("none", "standardize"),
                    "standardize trains on (x − mean) / std so one learning rate suits every feature; W and b are "
                            + "reported in the original units too. none trains on the raw values, as the first lecture does."),
            ParamSpec.ofChoice(
                    INIT,
                    "Initial W and b",
                    "zeros",
                    List.of("zeros", "normal"),
                    "zeros starts from W = 0, b = 0 like the lecture; normal draws them from N(0, 1) with the seed."),
            ParamSpec.ofInt(
                    SEED,
                    "Random seed",
                    42,
                    0,
                    Integer.MAX_VALUE,
                    "Fixes the initial values and the batch order, so a run can be repeated exactly."));

    /**
     * Settings per data set that reproduce the lecture: ex1data1 is the course's unscaled exercise; ex1data2 (house
     * sizes in square feet next to bedroom counts) and the test scores only converge quickly when standardized.
     */
    static Map<String, Object> defaultsFor(String datasetId) {
        return switch (datasetId) {
            case "ex1data1" -> Map.of(FEATURE_SCALING, "none", LEARNING_RATE, 0.01, EPOCHS, 1500);
            case "ex1data2" -> Map.of(FEATURE_SCALING, "standardize", LEARNING_RATE, 0.1, EPOCHS, 400);
            case "data-01-test-score" -> Map.of(FEATURE_SCALING, "standardize", LEARNING_RATE, 0.1, EPOCHS, 1000);
            default -> Map.of();
        };
    }

    private LinearRegressionParams() {}
}
