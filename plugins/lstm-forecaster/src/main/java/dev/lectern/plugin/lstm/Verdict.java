package dev.lectern.plugin.lstm;

import java.util.Locale;

/** Says in words whether the model or the persistence baseline forecasts the test period better, with the numbers. */
final class Verdict {

    /**
     * The headline: which of model and persistence has the lower test RMSE, and by how much.
     *
     * @param model the model's name, such as "LSTM 7x5"
     * @param e the scores
     * @param unit the target's name, such as "Close"
     * @return one sentence
     */
    static String headline(String model, Evaluation e, String unit) {
        if (e.test() < e.persistence()) {
            return String.format(
                    Locale.ROOT,
                    "The %s beats persistence by %.0f %% on the test period: test RMSE %s " + "against %s (%s units).",
                    model,
                    100 * (1 - e.test() / e.persistence()),
                    number(e.testPrice()),
                    number(e.persistencePrice()),
                    unit);
        }
        return String.format(
                Locale.ROOT,
                "Persistence (tomorrow = today) beats the %s by %.0f %% on the test period: "
                        + "test RMSE %s against %s (%s units).",
                model,
                100 * (e.test() / e.persistence() - 1),
                number(e.persistencePrice()),
                number(e.testPrice()),
                unit);
    }

    /**
     * The closing note: the headline, then every figure, then how to read them.
     *
     * @param model the model's name
     * @param e the scores
     * @param unit the target's name
     * @param movingAverageDays k of the moving average
     * @return a few sentences
     */
    static String note(String model, Evaluation e, String unit, int movingAverageDays) {
        StringBuilder text = new StringBuilder(headline(model, e, unit)).append('\n');
        text.append(String.format(
                Locale.ROOT,
                "Test RMSE in scaled units: %s %.6f, persistence %.6f, %d-day moving "
                        + "average %.6f. In %s units: %s, %s and %s.",
                model,
                e.test(),
                e.persistence(),
                movingAverageDays,
                e.movingAverage(),
                unit,
                number(e.testPrice()),
                number(e.persistencePrice()),
                number(e.movingAveragePrice())));
        if (!Double.isNaN(e.validation())) {
            text.append(String.format(
                    Locale.ROOT,
                    "\nValidation (end of the training period, for choosing settings): " + "%s %.6f, persistence %.6f.",
                    model,
                    e.validation(),
                    e.validationPersistence()));
        }
        if (e.test() >= e.persistence()) {
            text.append("\nA daily price is close to a random walk: yesterday's value is already a strong forecast, "
                    + "and a model that learns to copy it with a little noise ends up slightly worse.");
        }
        return text.toString();
    }

    static String number(double value) {
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.1f" : "%.3f", value);
    }

    private Verdict() {}
}
