package dev.lectern.plugin.lstm;

import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.Prediction;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.view.Series;
import dev.lectern.plugin.api.view.SeriesStyle;
import dev.lectern.plugin.api.view.View;
import dev.lectern.plugin.api.view.XyChart;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A trained forecaster: settings, the series it was trained on and its weights. Everything it shows is recomputed in
 * plain Java from these, so it holds no native memory and a loaded copy answers exactly like the original.
 */
final class ForecastModel implements TrainedModel {

    static final String TEST_DAY = "testDay";

    /**
     * Figures of the training run that cannot be recomputed from the weights.
     *
     * @param firstLoss the loss before the first update
     * @param finalLoss the loss at the last update
     * @param seconds wall time of the training loop
     */
    record TrainingStats(double firstLoss, double finalLoss, double seconds) {}

    private final ForecastSettings settings;
    private final ForecastData data;
    private final Weights weights;
    private final TrainingStats stats;
    private final Network network;
    private final Evaluation evaluation;

    ForecastModel(ForecastSettings settings, TimeSeries series, Weights weights, TrainingStats stats) {
        this.settings = settings;
        this.data = ForecastData.of(series, settings);
        this.weights = weights;
        this.stats = stats;
        this.network =
                new Network(weights, settings, data.test().steps(), data.test().features());
        this.evaluation = Evaluation.of(data, network);
    }

    ForecastSettings settings() {
        return settings;
    }

    ForecastData data() {
        return data;
    }

    Weights weights() {
        return weights;
    }

    TrainingStats stats() {
        return stats;
    }

    Network network() {
        return network;
    }

    Evaluation evaluation() {
        return evaluation;
    }

    String label() {
        return settings.label(data.series().columns());
    }

    @Override
    public Map<String, Double> summary() {
        Map<String, Double> s = new LinkedHashMap<>();
        Evaluation e = evaluation;
        s.put("testRmse", e.test());
        s.put("persistenceRmse", e.persistence());
        s.put("movingAverageRmse", e.movingAverage());
        s.put("testRmsePrice", e.testPrice());
        s.put("persistenceRmsePrice", e.persistencePrice());
        s.put("movingAverageRmsePrice", e.movingAveragePrice());
        if (!Double.isNaN(e.validation())) {
            s.put("validationRmse", e.validation());
            s.put("validationPersistenceRmse", e.validationPersistence());
        }
        s.put("firstLoss", stats.firstLoss());
        s.put("finalLoss", stats.finalLoss());
        s.put("trainWindows", (double) data.fit().count());
        s.put("validationWindows", (double) data.validation().count());
        s.put("testWindows", (double) data.test().count());
        s.put("trainingTimeSeconds", stats.seconds());
        s.put("msPerIteration", stats.seconds() * 1000 / settings.iterations());
        return s;
    }

    @Override
    public List<View> views() {
        return new ForecastViews(data, evaluation, label(), settings.movingAverage()).all(network, settings.isLstm());
    }

    @Override
    public List<ParamSpec> predictInputs() {
        int n = data.test().count();
        return List.of(ParamSpec.ofInt(
                TEST_DAY,
                "Test window",
                n,
                1,
                n + 1,
                "1.." + n + " forecasts one day of the test period from the " + settings.window() + " days before it "
                        + "and shows the true value; " + (n + 1) + " forecasts the day after the last row."));
    }

    @Override
    public Prediction predict(ParamValues input) {
        int k = input.getInt(TEST_DAY);
        Windows test = data.test();
        Windows windows = k <= test.count() ? test.slice(k - 1, k) : nextDay();
        int target = data.series().target();
        MinMaxScaler scaler = windows.scaler();
        float[] window = windows.input(0);
        double forecast = scaler.unscale(target, network.predict(window));
        double persistence = scaler.unscale(target, windows.persistence()[0]);
        int day = windows.day()[0];
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("forecast", forecast);
        values.put("persistence", persistence);
        String name = data.series().targetName();
        String text = String.format(
                Locale.ROOT,
                "Day %d: %s forecasts %s = %s; persistence says %s",
                day,
                label(),
                name,
                Verdict.number(forecast),
                Verdict.number(persistence));
        if (day < data.series().length()) {
            double truth = data.series().rows()[day][target];
            values.put("true", truth);
            text += String.format(
                    Locale.ROOT, "; the true value was %s (error %+.3f).", Verdict.number(truth), forecast - truth);
        } else {
            text += " (the day after the last row: no true value yet).";
        }
        List<View> views = new ArrayList<>();
        views.add(history(day, forecast));
        if (settings.isLstm()) {
            views.addAll(ForecastViews.gates(network.trace(window), "window predicting day " + day));
        }
        return new Prediction(text, values, views);
    }

    /** The window of the last rows, scaled like the test part, whose target would be the day after the data. */
    private Windows nextDay() {
        double[][] rows = data.series().rows();
        int n = rows.length;
        int from = n - settings.window();
        double[][] part = Arrays.copyOf(data.testScaler().apply(rows, from, n), settings.window() + 1);
        part[settings.window()] = part[settings.window() - 1]; // placeholder target: the window is all that is used
        return Windows.build(part, from, settings, data.series().target(), data.testScaler());
    }

    private XyChart history(int day, double forecast) {
        double[][] rows = data.series().rows();
        int target = data.series().target();
        int from = Math.max(0, day - 3 * settings.window());
        int to = Math.min(rows.length, day + 1);
        double[] x = new double[to - from];
        double[] y = new double[to - from];
        for (int t = from; t < to; t++) {
            x[t - from] = t;
            y[t - from] = rows[t][target];
        }
        String name = data.series().targetName();
        return new XyChart(
                name + " before day " + day + " and the forecast",
                "day",
                name,
                List.of(
                        new Series("true " + name, SeriesStyle.LINE, x, y),
                        new Series(label() + " forecast", SeriesStyle.POINTS, new double[] {day}, new double[] {forecast
                        })));
    }

    @Override
    public void save(Path directory) throws IOException {
        ModelFiles.save(directory, this);
    }

    @Override
    public void close() {
        // Nothing native: the weights were copied to the heap when training ended.
    }
}
