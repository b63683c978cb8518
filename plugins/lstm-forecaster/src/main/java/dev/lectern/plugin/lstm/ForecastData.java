package dev.lectern.plugin.lstm;

import dev.lectern.plugin.api.InvalidParameterException;

/**
 * The lab's data pipeline on one series: split in time order, MinMax-scale, cut into windows.
 *
 * <p>The first {@code ⌊n·trainFraction⌋} rows are the training period. The test part starts {@code window} rows
 * early so that its first window has a full history; its targets are all after the training period. The last
 * {@code validationFraction} of the training windows is held out for validation and never used for gradient steps.
 *
 * @param series the whole series, oldest first
 * @param trainRows rows in the training period
 * @param fit the windows the network trains on
 * @param validation the held-out windows at the end of the training period
 * @param test the windows whose targets are in the test period
 * @param trainScaler min and max of the training period
 * @param testScaler the scaler of the test part: the training one, or the test part's own in the lab's pipeline
 */
record ForecastData(
        TimeSeries series,
        int trainRows,
        Windows fit,
        Windows validation,
        Windows test,
        MinMaxScaler trainScaler,
        MinMaxScaler testScaler) {

    static ForecastData of(TimeSeries series, ForecastSettings settings) {
        int n = series.length();
        int window = settings.window();
        int trainRows = (int) (n * settings.trainFraction());
        int trainWindows = trainRows - window;
        if (trainWindows < 2) {
            throw new InvalidParameterException(
                    ForecastParams.WINDOW,
                    "the training period has " + trainRows
                            + " rows, too few for windows of " + window + " days (" + n + " rows in all); "
                            + "use a shorter window or a larger training share");
        }
        if (n - trainRows < 1) {
            throw new InvalidParameterException(ForecastParams.TRAIN_FRACTION, "no rows are left for the test period");
        }
        int held = (int) Math.round(trainWindows * settings.validationFraction());
        if (settings.validationFraction() > 0) {
            held = Math.max(1, held);
        }
        if (trainWindows - held < 1) {
            throw new InvalidParameterException(
                    ForecastParams.VALIDATION_FRACTION,
                    "holding out " + held + " of " + trainWindows + " training windows leaves none to train on");
        }
        double[][] rows = series.rows();
        MinMaxScaler trainScaler = MinMaxScaler.fit(rows, 0, trainRows);
        int testFrom = trainRows - window;
        MinMaxScaler testScaler = settings.trainOnlyScaling() ? trainScaler : MinMaxScaler.fit(rows, testFrom, n);
        Windows all = Windows.build(trainScaler.apply(rows, 0, trainRows), 0, settings, series.target(), trainScaler);
        Windows test =
                Windows.build(testScaler.apply(rows, testFrom, n), testFrom, settings, series.target(), testScaler);
        return new ForecastData(
                series,
                trainRows,
                all.slice(0, trainWindows - held),
                all.slice(trainWindows - held, trainWindows),
                test,
                trainScaler,
                testScaler);
    }
}
