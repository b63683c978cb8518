package dev.lectern.plugin.lstm;

import dev.lectern.plugin.api.view.BarChart;
import dev.lectern.plugin.api.view.BarSeries;
import dev.lectern.plugin.api.view.Heatmap;
import dev.lectern.plugin.api.view.Series;
import dev.lectern.plugin.api.view.SeriesStyle;
import dev.lectern.plugin.api.view.TableView;
import dev.lectern.plugin.api.view.TextView;
import dev.lectern.plugin.api.view.View;
import dev.lectern.plugin.api.view.XyChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The pictures of a trained forecaster: verdict, RMSE table and bars, forecast chart, and the LSTM's gates. */
final class ForecastViews {

    private final ForecastData data;
    private final Evaluation e;
    private final String model;
    private final int movingAverageDays;

    ForecastViews(ForecastData data, Evaluation evaluation, String model, int movingAverageDays) {
        this.data = data;
        this.e = evaluation;
        this.model = model;
        this.movingAverageDays = movingAverageDays;
    }

    List<View> all(Network network, boolean lstm) {
        List<View> views = new ArrayList<>();
        views.add(new TextView("Which forecasts better", Verdict.note(model, e, unit(), movingAverageDays)));
        views.add(rmseTable());
        views.add(rmseBars());
        views.add(forecastChart());
        if (lstm) {
            int last = data.test().count() - 1;
            views.addAll(gates(
                    network.trace(data.test().input(last)),
                    "last test window, predicting day " + data.test().day()[last]));
        }
        return views;
    }

    private String unit() {
        return data.series().targetName();
    }

    TableView rmseTable() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(row(model, e.test(), e.testPrice(), e.validation()));
        rows.add(row(
                "persistence (tomorrow = today)", e.persistence(), e.persistencePrice(), e.validationPersistence()));
        rows.add(row(movingAverageDays + "-day moving average", e.movingAverage(), e.movingAveragePrice(), Double.NaN));
        return new TableView(
                "RMSE: " + model + " against the baselines",
                List.of(
                        "predictor",
                        "test RMSE (scaled)",
                        "test RMSE (" + unit() + ")",
                        "vs persistence",
                        "validation RMSE (scaled)"),
                rows);
    }

    private List<String> row(String name, double scaled, double price, double validation) {
        return List.of(
                name,
                String.format(Locale.ROOT, "%.6f", scaled),
                Verdict.number(price),
                String.format(Locale.ROOT, "%+.1f %%", 100 * (scaled / e.persistence() - 1)),
                Double.isNaN(validation) ? "—" : String.format(Locale.ROOT, "%.6f", validation));
    }

    private BarChart rmseBars() {
        return new BarChart(
                "Test RMSE (" + unit() + " units; lower is better)",
                List.of(model, "persistence", movingAverageDays + "-day moving average"),
                "RMSE",
                List.of(new BarSeries(
                        "test RMSE", new double[] {e.testPrice(), e.persistencePrice(), e.movingAveragePrice()})));
    }

    private XyChart forecastChart() {
        Windows test = data.test();
        int target = data.series().target();
        int n = test.count();
        double[] days = new double[n];
        double[] truth = new double[n];
        double[] predicted = new double[n];
        double[] persistence = new double[n];
        for (int i = 0; i < n; i++) {
            days[i] = test.day()[i];
            truth[i] = data.series().rows()[test.day()[i]][target];
            predicted[i] = test.scaler().unscale(target, e.testPredicted()[i]);
            persistence[i] = test.scaler().unscale(target, test.persistence()[i]);
        }
        return new XyChart(
                unit() + " over the test period: true and forecast",
                "day (oldest row = 0)",
                unit(),
                List.of(
                        new Series("true " + unit(), SeriesStyle.LINE, days, truth),
                        new Series(model, SeriesStyle.LINE, days, predicted),
                        new Series("persistence", SeriesStyle.LINE, days, persistence)));
    }

    /** Heat maps of the top layer's i, f, o gates and cell state c, unit by time step, for one window. */
    static List<View> gates(Network.Trace trace, String which) {
        return List.of(
                gate("Input gate i", trace.input(), which),
                gate("Forget gate f", trace.forget(), which),
                gate("Output gate o", trace.output(), which),
                gate("Cell state c", trace.cell(), which));
    }

    private static Heatmap gate(String name, double[][] values, String which) {
        int units = values.length;
        int steps = values[0].length;
        double[] x = new double[steps];
        double[] y = new double[units];
        List<String> stepNames = new ArrayList<>();
        List<String> unitNames = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            x[t] = t + 1;
            stepNames.add(Integer.toString(t + 1));
        }
        for (int u = 0; u < units; u++) {
            y[u] = u + 1;
            unitNames.add(Integer.toString(u + 1));
        }
        // Units and time steps are separate things, not points of a surface: one cell each, nothing blended between.
        return new Heatmap(
                name + " (" + which + ")",
                "time step",
                "hidden unit",
                name,
                x,
                y,
                values,
                null,
                null,
                stepNames,
                unitNames);
    }
}
