package dev.lectern.plugin.softmax;

import dev.lectern.plugin.api.ParamSpec;
import java.util.List;
import java.util.Map;

/**
 * The declared hyperparameters. The declared defaults (Adam, α = 0.1, 200 epochs, standardized features, a 20 %
 * held-out split) suit any small, well-separated table; {@link #ZOO_LAB} reproduces the lecture's zoo lab.
 */
final class SoftmaxRegressionParams {

    static final String LEARNING_RATE = "learningRate";
    static final String EPOCHS = "epochs";
    static final String BATCH_SIZE = "batchSize";
    static final String OPTIMIZER = "optimizer";
    static final String FEATURE_SCALING = "featureScaling";
    static final String INIT = "init";
    static final String TEST_FRACTION = "testFraction";
    static final String SEED = "seed";

    /**
     * The lab's settings: plain gradient descent with α = 0.1 on the full batch of raw 0/1 traits for 2000 steps.
     * The lab trains on every row and prints the training accuracy, so there is no held-out split; it starts from
     * random_normal weights, but zero weights make the curve the same for every seed (REFERENCE_RESULTS §5).
     */
    static final Map<String, Object> ZOO_LAB = Map.of(
            OPTIMIZER,
            "sgd",
            LEARNING_RATE,
            0.1,
            EPOCHS,
            2000,
            BATCH_SIZE,
            0,
            FEATURE_SCALING,
            "none",
            INIT,
            "zeros",
            TEST_FRACTION,
            0.0);

    static final List<ParamSpec> SPECS = List.of(
            ParamSpec.ofDouble(
                    LEARNING_RATE,
                    "Learning rate α",
                    0.1,
                    1e-7,
                    10,
                    "Step size of the optimizer. Too large and the cost jumps around or becomes NaN."),
            ParamSpec.ofInt(
                    EPOCHS,
                    "Epochs",
                    200,
                    1,
                    1_000_000,
                    "Passes over the training rows. With full-batch training one epoch is one gradient step."),
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
                    "adam",
                    List.of("sgd", "momentum", "adam"),
                    "sgd is plain gradient descent (the lab's choice); momentum adds velocity (0.9); "
                            + "adam adapts the step per parameter."),
            ParamSpec.ofChoice(
                    FEATURE_SCALING,
                    "Feature scaling",
                    "standardize",
                    List.of("none", "standardize"),
                    "standardize rescales every feature to mean 0 and standard deviation 1 (statistics of the "
                            + "training rows), which lets one learning rate suit all features."),
            ParamSpec.ofChoice(
                    INIT,
                    "Initial W and b",
                    "zeros",
                    List.of("zeros", "normal"),
                    "zeros starts every class score at 0 (all classes equally likely); normal draws W and b from "
                            + "N(0, 1) with the seed, like the lab's random_normal."),
            ParamSpec.ofDouble(
                    TEST_FRACTION,
                    "Held-out fraction",
                    0.2,
                    0,
                    0.9,
                    "Share of the rows kept out of training to measure accuracy on unseen data, drawn per class "
                            + "with the seed. 0 trains on every row, as the lab does."),
            ParamSpec.ofInt(
                    SEED,
                    "Random seed",
                    42,
                    0,
                    Integer.MAX_VALUE,
                    "Fixes the held-out split, the initial values and the batch order, so a run can be repeated."));

    /**
     * Settings per data set that reproduce the lecture: the zoo file (DeepLearningZeroToAll lab-06-2) gets the lab's
     * settings; everything else the declared defaults.
     */
    static Map<String, Object> defaultsFor(String datasetId) {
        return "data-04-zoo".equals(datasetId) ? ZOO_LAB : Map.of();
    }

    private SoftmaxRegressionParams() {}
}
