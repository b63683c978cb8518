package dev.lectern.plugin.lstm;

import ai.djl.Device;
import dev.lectern.plugin.api.DataRequirements;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.PluginApi;
import dev.lectern.plugin.api.PluginDescriptor;
import dev.lectern.plugin.api.ResultLabel;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingContext;
import dev.lectern.plugin.support.ResultLabels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Time-series forecasting with an LSTM: many-to-one prediction of the next value of a table's label column from a
 * window of past rows, compared with the persistence and moving-average baselines.
 */
public final class LstmForecasterPlugin implements LecturePlugin {

    static final String ID = "lstm-forecaster";

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(
                ID,
                "LSTM forecaster",
                "Lecture 12 — RNN, LSTM, time series",
                "Forecast tomorrow's stock price from a window of past days with an LSTM, and learn to compare it "
                        + "honestly with the naive forecast \"tomorrow = today\".",
                "0.1.0",
                PluginApi.VERSION,
                List.of(
                        "i_t = \\sigma(W_{ii} x_t + b_{ii} + W_{hi} h_{t-1} + b_{hi})",
                        "f_t = \\sigma(W_{if} x_t + b_{if} + W_{hf} h_{t-1} + b_{hf})",
                        "g_t = \\tanh(W_{ig} x_t + b_{ig} + W_{hg} h_{t-1} + b_{hg})",
                        "o_t = \\sigma(W_{io} x_t + b_{io} + W_{ho} h_{t-1} + b_{ho})",
                        "c_t = f_t \\odot c_{t-1} + i_t \\odot g_t,\\quad h_t = o_t \\odot \\tanh(c_t)",
                        "\\hat{y}_{T+1} = w^\\top h_T + b",
                        "\\mathrm{RMSE} = \\sqrt{\\frac{1}{m} \\sum_{k=1}^{m} (\\hat{y}_k - y_k)^2}"));
    }

    @Override
    public String guide() {
        return ForecastGuide.TEXT;
    }

    @Override
    public List<ParamSpec> hyperParameters() {
        return ForecastParams.SPECS;
    }

    /** The learning rate may change while the run trains: Adam reads it before each step. */
    @Override
    public Set<String> liveParameters() {
        return Set.of(ForecastParams.LEARNING_RATE);
    }

    @Override
    public Set<DatasetKind> datasetKinds() {
        return Set.of(DatasetKind.TIME_SERIES, DatasetKind.TABLE);
    }

    @Override
    public DataRequirements dataRequirements() {
        // The label column is the value forecast, a number such as a closing price.
        return DataRequirements.any().withContinuousLabel().withPreferredDataset("data-02-stock_daily");
    }

    @Override
    public Map<String, Object> defaultsFor(DatasetInfo dataset) {
        return ForecastParams.defaultsFor(dataset.id());
    }

    @Override
    public void validate(ParamValues values, DatasetInfo dataset) {
        int window = values.getInt(ForecastParams.WINDOW);
        if (values.getInt(ForecastParams.MOVING_AVERAGE) > window) {
            throw new InvalidParameterException(
                    ForecastParams.MOVING_AVERAGE,
                    "the moving average can use at most " + "the " + window + " days of the window");
        }
    }

    @Override
    public Map<String, ResultLabel> resultLabels() {
        return ResultLabels.with(Map.ofEntries(
                Map.entry("testRmse", ResultLabel.of("Test RMSE", "scaled")),
                Map.entry("persistenceRmse", ResultLabel.of("Persistence RMSE", "scaled")),
                Map.entry("movingAverageRmse", ResultLabel.of("Moving-average RMSE", "scaled")),
                Map.entry("testRmsePrice", ResultLabel.of("Test RMSE", "price")),
                Map.entry("persistenceRmsePrice", ResultLabel.of("Persistence RMSE", "price")),
                Map.entry("movingAverageRmsePrice", ResultLabel.of("Moving-average RMSE", "price")),
                Map.entry("validationRmse", ResultLabel.of("Validation RMSE", "scaled")),
                Map.entry("validationPersistenceRmse", ResultLabel.of("Validation persistence RMSE", "scaled")),
                Map.entry("firstLoss", ResultLabel.of("First loss")),
                Map.entry("finalLoss", ResultLabel.of("Final loss")),
                Map.entry("trainWindows", ResultLabel.of("Training windows")),
                Map.entry("validationWindows", ResultLabel.of("Validation windows")),
                Map.entry("testWindows", ResultLabel.of("Test windows")),
                Map.entry("trainingTimeSeconds", ResultLabel.of("Training loop time", "s")),
                Map.entry("msPerIteration", ResultLabel.of("Time per iteration", "ms"))));
    }

    @Override
    public int lectureNumber() {
        return 12;
    }

    @Override
    public TrainedModel train(TrainingContext context) {
        validate(context.params(), context.data().info());
        return ForecastTrainer.run(context);
    }

    @Override
    public TrainedModel load(Path directory, Device device) throws IOException {
        return ModelFiles.load(directory);
    }
}
