package dev.lectern.examples.polynomial;

import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.ParamSpec;
import java.util.List;

/** The declared hyperparameters. The workbench builds the form from them and checks every value before training. */
final class PolynomialParams {

    static final String DEGREE = "degree";
    static final String LEARNING_RATE = "learningRate";
    static final String EPOCHS = "epochs";
    static final String OPTIMIZER = "optimizer";
    static final String SEED = "seed";

    static final List<ParamSpec> SPECS = List.of(
            ParamSpec.ofInt(
                    DEGREE,
                    "Degree d",
                    3,
                    1,
                    10,
                    "Highest power of x in H(x). 1 is a straight line; higher degrees bend more, and can overfit."),
            ParamSpec.ofDouble(
                    LEARNING_RATE,
                    "Learning rate α",
                    0.1,
                    1e-6,
                    10,
                    "Step size. The features are standardized, so 0.01 to 0.3 usually works; too large and the cost grows."),
            ParamSpec.ofInt(
                    EPOCHS,
                    "Epochs",
                    1000,
                    1,
                    1_000_000,
                    "Gradient steps. Training is full-batch, so one epoch is one step over all rows."),
            ParamSpec.ofChoice(
                    OPTIMIZER,
                    "Optimizer",
                    "adam",
                    List.of("sgd", "momentum", "adam"),
                    "sgd is plain gradient descent; momentum adds velocity (0.9); adam adapts the step per coefficient, "
                            + "which helps because the powers of x are strongly correlated."),
            ParamSpec.ofInt(
                    SEED,
                    "Random seed",
                    42,
                    0,
                    Integer.MAX_VALUE,
                    "Fixes the small random starting values of θ, so a run can be repeated exactly."));

    /** The model has one input, x: refuse tables with several feature columns before a run is queued. */
    static void validate(DatasetInfo dataset) {
        long features = dataset.columns().stream()
                .filter(c -> c.role() == ColumnRole.FEATURE)
                .count();
        if (!dataset.columns().isEmpty() && features != 1) {
            throw new InvalidParameterException(
                    "dataset",
                    "polynomial regression needs a table with exactly one feature " + "column; '" + dataset.id()
                            + "' has " + features);
        }
    }

    private PolynomialParams() {}
}
