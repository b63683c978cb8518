package dev.lectern.plugin.lstm;

import static dev.lectern.plugin.lstm.ForecastParams.*;

import dev.lectern.plugin.api.ParamValues;
import java.util.Properties;

/**
 * One run's settings, read once from the form values and saved with the model.
 *
 * @param model {@link ForecastParams#LSTM} or {@link ForecastParams#FC}
 * @param windowing one of the windowing choices
 * @param window days of history per input
 * @param hidden hidden units
 * @param layers stacked LSTM layers or fc hidden layers
 * @param learningRate Adam's step size
 * @param iterations full-batch steps
 * @param trainFraction share of rows in the training period
 * @param validationFraction share of training windows held out for validation
 * @param trainOnlyScaling true to scale the test period with the training period's min and max
 * @param newestFirst true when the file lists the newest row first
 * @param movingAverage days in the moving-average baseline
 */
record ForecastSettings(
        String model,
        String windowing,
        int window,
        int hidden,
        int layers,
        double learningRate,
        int iterations,
        double trainFraction,
        double validationFraction,
        boolean trainOnlyScaling,
        boolean newestFirst,
        int movingAverage) {

    static ForecastSettings of(ParamValues p) {
        return new ForecastSettings(
                p.getString(MODEL),
                p.getString(WINDOWING),
                p.getInt(WINDOW),
                p.getInt(HIDDEN),
                p.getInt(LAYERS),
                p.getDouble(LEARNING_RATE),
                p.getInt(ITERATIONS),
                p.getDouble(TRAIN_FRACTION),
                p.getDouble(VALIDATION_FRACTION),
                TRAIN_ONLY.equals(p.getString(SCALING)),
                NEWEST_FIRST.equals(p.getString(ORDER)),
                p.getInt(MOVING_AVERAGE));
    }

    boolean isLstm() {
        return LSTM.equals(model);
    }

    /** Time steps the network reads per input. */
    int steps() {
        return ONE_STEP_X_LAGS.equals(windowing) ? 1 : window;
    }

    /** Values per time step, given the number of columns in the table. */
    int features(int columns) {
        if (STEPS_X_ALL.equals(windowing)) {
            return columns;
        }
        return STEPS_X_TARGET.equals(windowing) ? 1 : window;
    }

    /** A short name for charts and the verdict, such as "LSTM 7x5". */
    String label(int columns) {
        return (isLstm() ? "LSTM" : "FC") + " " + steps() + "x" + features(columns);
    }

    Properties toProperties() {
        Properties p = new Properties();
        p.setProperty(MODEL, model);
        p.setProperty(WINDOWING, windowing);
        p.setProperty(WINDOW, Integer.toString(window));
        p.setProperty(HIDDEN, Integer.toString(hidden));
        p.setProperty(LAYERS, Integer.toString(layers));
        p.setProperty(LEARNING_RATE, Double.toString(learningRate));
        p.setProperty(ITERATIONS, Integer.toString(iterations));
        p.setProperty(TRAIN_FRACTION, Double.toString(trainFraction));
        p.setProperty(VALIDATION_FRACTION, Double.toString(validationFraction));
        p.setProperty(SCALING, trainOnlyScaling ? TRAIN_ONLY : EACH_PART);
        p.setProperty(ORDER, newestFirst ? NEWEST_FIRST : OLDEST_FIRST);
        p.setProperty(MOVING_AVERAGE, Integer.toString(movingAverage));
        return p;
    }

    static ForecastSettings fromProperties(Properties p) {
        return new ForecastSettings(
                p.getProperty(MODEL),
                p.getProperty(WINDOWING),
                Integer.parseInt(p.getProperty(WINDOW)),
                Integer.parseInt(p.getProperty(HIDDEN)),
                Integer.parseInt(p.getProperty(LAYERS)),
                Double.parseDouble(p.getProperty(LEARNING_RATE)),
                Integer.parseInt(p.getProperty(ITERATIONS)),
                Double.parseDouble(p.getProperty(TRAIN_FRACTION)),
                Double.parseDouble(p.getProperty(VALIDATION_FRACTION)),
                TRAIN_ONLY.equals(p.getProperty(SCALING)),
                NEWEST_FIRST.equals(p.getProperty(ORDER)),
                Integer.parseInt(p.getProperty(MOVING_AVERAGE)));
    }
}
