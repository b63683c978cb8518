package dev.lectern.plugin.lstm;

import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.testkit.FakeTrainingContext;
import dev.lectern.plugin.testkit.TestDatasets;
import java.util.HashMap;
import java.util.Map;

/** Runs the plugin on the lecture's stock file the way the server does: its per-data-set defaults plus overrides. */
final class StockRuns {

    static final String STOCK = "data-02-stock_daily";

    private static volatile TrainingData stock;

    static TrainingData stock() {
        if (stock == null) {
            stock = TestDatasets.load(STOCK);
        }
        return stock;
    }

    static ParamValues params(TrainingData data, Map<String, Object> overrides) {
        LstmForecasterPlugin plugin = new LstmForecasterPlugin();
        Map<String, Object> values = new HashMap<>(plugin.defaultsFor(data.info()));
        values.putAll(overrides);
        ParamValues params = ParamValues.check(plugin.hyperParameters(), values);
        plugin.validate(params, data.info());
        return params;
    }

    static FakeTrainingContext context(TrainingData data, Map<String, Object> overrides, long seed) {
        return new FakeTrainingContext(params(data, overrides), data, seed, () -> false);
    }

    /** Trains with the given overrides and returns the model with what it reported. */
    static Trained train(TrainingData data, Map<String, Object> overrides, long seed) {
        FakeTrainingContext context = context(data, overrides, seed);
        ForecastModel model = (ForecastModel) new LstmForecasterPlugin().train(context);
        return new Trained(model, context);
    }

    record Trained(ForecastModel model, FakeTrainingContext context) {}

    private StockRuns() {}
}
