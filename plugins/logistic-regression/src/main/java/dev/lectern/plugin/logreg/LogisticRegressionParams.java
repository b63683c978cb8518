package dev.lectern.plugin.logreg;

import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.ParamSpec;
import java.util.List;
import java.util.Map;

/**
 * The declared hyperparameters and the per-data-set defaults. The declared defaults (z-scored features, full-batch
 * gradient descent with α = 1) converge on any small 0/1 table; {@link #defaultsFor} tunes the lecture data sets.
 */
final class LogisticRegressionParams {

    static final String LEARNING_RATE = "learningRate";
    static final String EPOCHS = "epochs";
    static final String BATCH_SIZE = "batchSize";
    static final String OPTIMIZER = "optimizer";
    static final String FEATURE_SCALING = "featureScaling";
    static final String INIT = "init";
    static final String THRESHOLD = "threshold";
    static final String SEED = "seed";

    static final String STANDARDIZE = "standardize";
    static final String NO_SCALING = "none";

    static final List<ParamSpec> SPECS = List.of(
            ParamSpec.ofDouble(
                    LEARNING_RATE,
                    "Learning rate α",
                    1.0,
                    1e-7,
                    100,
                    "Step size of gradient descent. On standardized features 1–3 is safe for plain gradient descent; "
                            + "on raw exam scores even 0.001 makes the cost jump around."),
            ParamSpec.ofInt(
                    EPOCHS,
                    "Epochs",
                    1000,
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
                    STANDARDIZE,
                    List.of(NO_SCALING, STANDARDIZE),
                    "standardize trains on z-scores (x − mean) / std fitted on the training data, so every feature has "
                            + "a similar range; none trains on the raw values. W and b are always reported in raw units."),
            ParamSpec.ofChoice(
                    INIT,
                    "Initial W and b",
                    "zeros",
                    List.of("zeros", "normal"),
                    "zeros starts from W = 0, b = 0 (cost ln 2 = 0.693); normal draws them from N(0, 1) with the seed."),
            ParamSpec.ofDouble(
                    THRESHOLD,
                    "Class threshold",
                    0.5,
                    0.01,
                    0.99,
                    "Predict class 1 when H(x) = P(y = 1 | x) is at least this. It moves the boundary, not the training."),
            ParamSpec.ofInt(
                    SEED,
                    "Random seed",
                    42,
                    0,
                    Integer.MAX_VALUE,
                    "Fixes the initial values and the batch order, so a run can be repeated exactly."));

    /**
     * ex2data1: plain full-batch gradient descent on z-scores with α = 3 is within 1e−8 of the optimal cost after 500
     * steps and maps back to the course's θ = [−25.161, 0.206, 0.201] (REFERENCE_RESULTS §3); about 50 ms.
     */
    private static final Map<String, Object> EX2DATA1 = Map.of(
            FEATURE_SCALING,
            STANDARDIZE,
            OPTIMIZER,
            "sgd",
            LEARNING_RATE,
            3.0,
            EPOCHS,
            500,
            BATCH_SIZE,
            0,
            INIT,
            "zeros",
            THRESHOLD,
            0.5);

    /**
     * ex2data2: the best straight line only reaches cost 0.690 and 55 % accuracy (the course needs degree-6 features
     * for 83 %); 200 steps get there, so the student sees the failure at once instead of waiting for it.
     */
    private static final Map<String, Object> EX2DATA2 = Map.of(
            FEATURE_SCALING,
            STANDARDIZE,
            OPTIMIZER,
            "sgd",
            LEARNING_RATE,
            1.0,
            EPOCHS,
            200,
            BATCH_SIZE,
            0,
            INIT,
            "zeros",
            THRESHOLD,
            0.5);

    private LogisticRegressionParams() {}

    static Map<String, Object> defaultsFor(DatasetInfo dataset) {
        return switch (dataset.id()) {
            case "ex2data1" -> EX2DATA1;
            case "ex2data2" -> EX2DATA2;
            default -> Map.of();
        };
    }
}
