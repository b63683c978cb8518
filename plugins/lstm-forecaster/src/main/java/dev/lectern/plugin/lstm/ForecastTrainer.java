package dev.lectern.plugin.lstm;

import dev.lectern.plugin.api.TrainingContext;

/** One training run: the data pipeline, the engine loop, and the model built from its weights. */
final class ForecastTrainer {

    private ForecastTrainer() {}

    static ForecastModel run(TrainingContext context) {
        ForecastSettings settings = ForecastSettings.of(context.params());
        TimeSeries series = TimeSeries.of(context.data().table(), settings.newestFirst());
        ForecastData data = ForecastData.of(series, settings);
        Windows fit = data.fit();
        int inputSize = settings.isLstm() ? fit.features() : fit.steps() * fit.features();
        Weights initial = Weights.initial(settings, inputSize, context.seed());
        EngineTraining.Result result = new EngineTraining(settings, fit, data.validation()).run(context, initial);
        ForecastModel model = new ForecastModel(
                settings,
                series,
                result.weights(),
                new ForecastModel.TrainingStats(result.firstLoss(), result.finalLoss(), result.seconds()));
        Evaluation e = model.evaluation();
        long end = settings.iterations();
        context.metrics().report("test rmse/" + (settings.isLstm() ? "lstm" : "fc"), end, e.test());
        context.metrics().report("test rmse/persistence", end, e.persistence());
        context.metrics().report("test rmse/moving average", end, e.movingAverage());
        context.metrics().text("verdict", end, Verdict.headline(model.label(), e, series.targetName()));
        return model;
    }
}
