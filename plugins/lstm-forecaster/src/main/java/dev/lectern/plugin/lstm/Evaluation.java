package dev.lectern.plugin.lstm;

/**
 * The model and the two naive forecasts scored on the held-out parts. RMSEs are in scaled units; times
 * {@link #span()} they are in the target's own units (dollars for the stock file).
 *
 * @param testPredicted the model's scaled forecast for every test window
 * @param test model test RMSE
 * @param persistence persistence ("tomorrow = today") test RMSE
 * @param movingAverage moving-average test RMSE
 * @param validation model RMSE on the validation windows; NaN without validation
 * @param validationPersistence persistence RMSE on the validation windows; NaN without validation
 * @param span the test part's target range: scaled errors times this are in data units
 */
record Evaluation(
        double[] testPredicted,
        double test,
        double persistence,
        double movingAverage,
        double validation,
        double validationPersistence,
        double span) {

    static Evaluation of(ForecastData data, Network network) {
        Windows test = data.test();
        double[] predicted = network.predictAll(test);
        Windows validation = data.validation();
        double validationRmse =
                validation.count() == 0 ? Double.NaN : Rmse.of(network.predictAll(validation), validation.y());
        return new Evaluation(
                predicted,
                Rmse.of(predicted, test.y()),
                Rmse.of(test.persistence(), test.y()),
                Rmse.of(test.movingAverage(), test.y()),
                validationRmse,
                Rmse.of(validation.persistence(), validation.y()),
                data.testScaler().span(data.series().target()));
    }

    double testPrice() {
        return test * span;
    }

    double persistencePrice() {
        return persistence * span;
    }

    double movingAveragePrice() {
        return movingAverage * span;
    }
}
