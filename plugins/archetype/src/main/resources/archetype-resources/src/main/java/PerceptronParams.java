package ${package};

import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.ParamSpec;
import java.util.List;

/** The declared hyperparameters: the server builds the form from them and checks every value before a run. */
final class PerceptronParams {

    static final String LEARNING_RATE = "learningRate";
    static final String EPOCHS = "epochs";
    static final String SEED = "seed";

    static final List<ParamSpec> SPECS = List.of(
            ParamSpec.ofDouble(LEARNING_RATE, "Learning rate α", 0.5, 1e-6, 100,
                    "Step size of gradient descent. The features are standardized, so 0.1 to 2 usually works."),
            ParamSpec.ofInt(EPOCHS, "Epochs", 200, 1, 1_000_000,
                    "Gradient steps. Training is full-batch, so one epoch is one step over all rows."),
            ParamSpec.ofInt(SEED, "Random seed", 42, 0, Integer.MAX_VALUE,
                    "Fixes the small random starting weights, so a run can be repeated exactly."));

    /** Refuses, before a run is queued, a table that has no feature column or not exactly one label column. */
    static void validate(DatasetInfo dataset) {
        if (dataset.columns().isEmpty()) {
            return;
        }
        long features = dataset.columns().stream().filter(c -> c.role() == ColumnRole.FEATURE).count();
        long labels = dataset.columns().stream().filter(c -> c.role() == ColumnRole.LABEL).count();
        if (features == 0 || labels != 1) {
            throw new InvalidParameterException("dataset", "the perceptron needs a table with feature columns and one "
                    + "label column of 0s and 1s; '" + dataset.id() + "' has " + features + " features and " + labels
                    + " labels");
        }
    }

    private PerceptronParams() {}
}
