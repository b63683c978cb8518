package dev.lectern.plugin.lstm;

import java.util.Arrays;

/**
 * Sliding windows over one scaled part of a series, each paired with the next day's target, plus the two naive
 * forecasts of that day that any model must be compared with.
 *
 * @param x inputs, row-major {@code [count][steps][features]}
 * @param y the scaled target of the day after each window
 * @param steps time steps per window
 * @param features values per time step
 * @param persistence the scaled target of each window's last day ("tomorrow = today")
 * @param movingAverage the mean scaled target of each window's last k days
 * @param day index in the series (oldest row = 0) of the day each window predicts
 * @param scaler the scaler of the part, to turn scaled targets back into data units
 */
record Windows(
        float[] x,
        float[] y,
        int steps,
        int features,
        double[] persistence,
        double[] movingAverage,
        int[] day,
        MinMaxScaler scaler) {

    /**
     * Builds every window of a scaled part, as the lab does: window i is rows {@code i .. i+window−1}, its target the
     * row after.
     *
     * @param part scaled rows of the part
     * @param offset series index of the part's first row
     * @param settings the windowing and window length
     * @param target index of the target column
     * @param scaler the scaler that produced {@code part}
     * @return the windows
     */
    static Windows build(double[][] part, int offset, ForecastSettings settings, int target, MinMaxScaler scaler) {
        int window = settings.window();
        int columns = part.length == 0 ? 0 : part[0].length;
        int steps = settings.steps();
        int features = settings.features(columns);
        int count = Math.max(0, part.length - window);
        float[] x = new float[count * steps * features];
        float[] y = new float[count];
        double[] persistence = new double[count];
        double[] movingAverage = new double[count];
        int[] day = new int[count];
        int k = settings.movingAverage();
        for (int i = 0; i < count; i++) {
            int base = i * steps * features;
            for (int s = 0; s < window; s++) {
                double[] row = part[i + s];
                if (ForecastParams.STEPS_X_ALL.equals(settings.windowing())) {
                    for (int c = 0; c < columns; c++) {
                        x[base + s * columns + c] = (float) row[c];
                    }
                } else {
                    // Both target-only layouts hold the same `window` values in time order: as steps or as features.
                    x[base + s] = (float) row[target];
                }
            }
            y[i] = (float) part[i + window][target];
            persistence[i] = part[i + window - 1][target];
            double sum = 0;
            for (int s = window - k; s < window; s++) {
                sum += part[i + s][target];
            }
            movingAverage[i] = sum / k;
            day[i] = offset + i + window;
        }
        return new Windows(x, y, steps, features, persistence, movingAverage, day, scaler);
    }

    int count() {
        return y.length;
    }

    /** Windows {@code [from, to)}. */
    Windows slice(int from, int to) {
        int size = steps * features;
        return new Windows(
                Arrays.copyOfRange(x, from * size, to * size),
                Arrays.copyOfRange(y, from, to),
                steps,
                features,
                Arrays.copyOfRange(persistence, from, to),
                Arrays.copyOfRange(movingAverage, from, to),
                Arrays.copyOfRange(day, from, to),
                scaler);
    }

    /** The input of one window, {@code [steps][features]} row-major. */
    float[] input(int i) {
        int size = steps * features;
        return Arrays.copyOfRange(x, i * size, (i + 1) * size);
    }
}
