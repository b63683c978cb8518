package dev.lectern.plugin.lstm;

import dev.lectern.plugin.api.ParamSpec;
import java.util.List;
import java.util.Map;

/**
 * The declared hyperparameters. The declared defaults are the lab's (lab-12-5: 7-step windows of every column, an
 * LSTM of 10 units, Adam 0.01, 500 full-batch iterations, 70/30 split in time order); the stock file only needs its
 * row order flipped, because it lists the newest day first.
 */
final class ForecastParams {

    static final String MODEL = "model";
    static final String WINDOWING = "windowing";
    static final String WINDOW = "window";
    static final String HIDDEN = "hidden";
    static final String LAYERS = "layers";
    static final String LEARNING_RATE = "learningRate";
    static final String ITERATIONS = "iterations";
    static final String TRAIN_FRACTION = "trainFraction";
    static final String VALIDATION_FRACTION = "validationFraction";
    static final String SCALING = "scaling";
    static final String ORDER = "order";
    static final String MOVING_AVERAGE = "movingAverage";

    static final String LSTM = "lstm";
    static final String FC = "fc";

    static final String STEPS_X_ALL = "steps x all columns";
    static final String STEPS_X_TARGET = "steps x 1 feature (target)";
    static final String ONE_STEP_X_LAGS = "1 step x window features (target)";

    static final String TRAIN_ONLY = "train only (no leak)";
    static final String EACH_PART = "each part separately (the lab)";

    static final String OLDEST_FIRST = "oldest-first";
    static final String NEWEST_FIRST = "newest-first";

    static final String STOCK = "data-02-stock_daily";

    static final List<ParamSpec> SPECS = List.of(
            ParamSpec.ofChoice(
                    MODEL,
                    "Model",
                    LSTM,
                    List.of(LSTM, FC),
                    "lstm reads the window step by step and predicts from its last hidden state; fc is a fully "
                            + "connected net (tanh hidden layers) on the flattened window, for comparison."),
            ParamSpec.ofChoice(
                    WINDOWING,
                    "Windowing",
                    STEPS_X_ALL,
                    List.of(STEPS_X_ALL, STEPS_X_TARGET, ONE_STEP_X_LAGS),
                    "What one input looks like: the lab feeds `window` days of every column; the lecture's demo "
                            + "also compares `window` steps of the target alone with one step holding the last "
                            + "`window` target values as features."),
            ParamSpec.ofInt(
                    WINDOW,
                    "Window length",
                    7,
                    1,
                    256,
                    "Days of history in one input (the lab uses 7, the lecture's windowing demo 12)."),
            ParamSpec.ofInt(
                    HIDDEN,
                    "Hidden size",
                    10,
                    1,
                    512,
                    "Units of the LSTM state (or of each fc hidden layer); the lab uses 10."),
            ParamSpec.ofInt(LAYERS, "Layers", 1, 1, 4, "Stacked LSTM layers (or fc hidden layers)."),
            ParamSpec.ofDouble(LEARNING_RATE, "Learning rate", 0.01, 1e-6, 1.0, "Adam's step size; the lab uses 0.01."),
            ParamSpec.ofInt(
                    ITERATIONS,
                    "Iterations",
                    500,
                    1,
                    100_000,
                    "Full-batch Adam steps over all training windows, as in the lab."),
            ParamSpec.ofDouble(
                    TRAIN_FRACTION,
                    "Training share",
                    0.7,
                    0.1,
                    0.95,
                    "The first share of the rows in time order is the training period, the rest the test "
                            + "period. Nothing is shuffled across the split."),
            ParamSpec.ofDouble(
                    VALIDATION_FRACTION,
                    "Validation share",
                    0.15,
                    0.0,
                    0.5,
                    "The last share of the training windows is held out for validation: compare settings on it, "
                            + "never on the test period. 0 trains on every training window, as the lab does."),
            ParamSpec.ofChoice(
                    SCALING,
                    "MinMax scaling",
                    TRAIN_ONLY,
                    List.of(TRAIN_ONLY, EACH_PART),
                    "train only fits min and max on the training period and applies them to the test period; the "
                            + "lab scales each part with its own min and max, which peeks at the test period."),
            ParamSpec.ofChoice(
                    ORDER,
                    "Row order",
                    OLDEST_FIRST,
                    List.of(OLDEST_FIRST, NEWEST_FIRST),
                    "Order of the rows in the file; newest-first files (like the stock file) are reversed."),
            ParamSpec.ofInt(
                    MOVING_AVERAGE,
                    "Moving-average days",
                    5,
                    1,
                    256,
                    "Baseline: tomorrow's target is the mean of the last k days (at most the window length)."),
            ParamSpec.ofInt(
                    "seed",
                    "Random seed",
                    42,
                    0,
                    Integer.MAX_VALUE,
                    "Fixes the initial weights, so a run can be repeated."));

    /**
     * Returns the values that differ from the declared defaults for one data set.
     *
     * @param datasetId the data set's identifier
     * @return parameter name to value
     */
    static Map<String, Object> defaultsFor(String datasetId) {
        return STOCK.equals(datasetId) ? Map.of(ORDER, NEWEST_FIRST) : Map.of();
    }

    private ForecastParams() {}
}
