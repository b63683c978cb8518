package dev.lectern.plugin.linreg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lectern.datasets.gen.LinearData;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.api.TrainingDivergedException;
import dev.lectern.plugin.api.view.Heatmap;
import dev.lectern.plugin.api.view.Series;
import dev.lectern.plugin.testkit.FakeTrainingContext;
import dev.lectern.plugin.testkit.RecordingMetricsSink;
import dev.lectern.plugin.testkit.TestDatasets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lecture's numbers, on the real Coursera file (through the mirror) and on the generated line. */
class LinearRegressionAccuracyTest {

    @Test
    void ex1data1WithTheCourseSettingsLandsOnTheReferenceTheta() throws Exception {
        FakeTrainingContext context = context("ex1data1", Map.of());
        try (TrainedModel model = new LinearRegressionPlugin().train(context)) {
            // REFERENCE_RESULTS.md §1: theta after 1500 GD iterations from zero with alpha 0.01.
            assertThat(model.summary().get("b")).isCloseTo(-3.630291, within(1e-3));
            assertThat(model.summary().get("W")).isCloseTo(1.166362, within(1e-3));
            assertThat(model.summary().get("cost")).isCloseTo(4.483388, within(1e-3));
            List<RecordingMetricsSink.Point> loss = context.recorded().points("loss");
            assertThat(loss.get(0).value()).as("J(0, 0)").isCloseTo(32.072734, within(1e-3));
            assertThat(loss.get(1).value()).as("J after one update").isCloseTo(6.737190, within(1e-3));
        }
    }

    @Test
    void ex1data1ShowsTheNormalEquationBesideGradientDescentAndTheCostSurface() throws Exception {
        FakeTrainingContext context = context("ex1data1", Map.of());
        try (TrainedModel model = new LinearRegressionPlugin().train(context)) {
            // REFERENCE_RESULTS.md §1: normal-equation theta [-3.895781, 1.193034], J = 4.476971.
            assertThat(model.summary().get("W (normal equation)")).isCloseTo(1.193034, within(1e-5));
            assertThat(model.summary().get("b (normal equation)")).isCloseTo(-3.895781, within(1e-5));
            assertThat(model.summary().get("cost (normal equation)")).isCloseTo(4.476971, within(1e-5));
            assertThat(context.recorded().points("loss/normal equation"))
                    .extracting(RecordingMetricsSink.Point::value)
                    .containsOnly(model.summary().get("cost (normal equation)"));
            Heatmap surface = (Heatmap) model.views().stream()
                    .filter(v -> v instanceof Heatmap)
                    .findFirst()
                    .orElseThrow();
            Series path = surface.overlay().get(0);
            assertThat(path.x()[0]).as("descent starts at W = 0").isZero();
            assertThat(path.y()[0]).as("descent starts at b = 0").isZero();
            assertThat(path.x()[path.x().length - 1])
                    .as("and ends at the trained W")
                    .isCloseTo(1.166362, within(1e-3));
            double lowest = Arrays.stream(surface.values())
                    .flatMapToDouble(Arrays::stream)
                    .min()
                    .orElseThrow();
            assertThat(lowest).as("the grid's lowest cost is near the optimum").isCloseTo(4.476971, within(0.05));
        }
    }

    @Test
    void ex1data2WithItsDefaultsStandardizesAndConvergesToTheNormalEquation() throws Exception {
        FakeTrainingContext context = context("ex1data2", Map.of());
        try (TrainedModel model = new LinearRegressionPlugin().train(context)) {
            // REFERENCE_RESULTS.md §2: price of a 1650 sq ft, 3-bedroom house = $293,081.46 at the optimum.
            double price = model.predict(ParamValues.check(model.predictInputs(), Map.of("x1", 1650, "x2", 3)))
                    .values()
                    .get("y");
            assertThat(price).isCloseTo(293081.46, within(5.0));
            assertThat(model.summary().get("W1"))
                    .as("W per square foot, original units")
                    .isCloseTo(139.210674, within(0.05));
            assertThat(model.summary().get("W1 (normal equation)")).isCloseTo(139.210674, within(1e-3));
            assertThat(model.summary()).containsKey("W1 (scaled)");
        }
    }

    @Test
    void theGeneratedLineIsRecoveredWithinTwoPercent() throws Exception {
        try (TrainedModel model = new LinearRegressionPlugin().train(context("linear-synthetic", Map.of()))) {
            assertThat(model.summary().get("W"))
                    .isCloseTo(LinearData.SYNTHETIC_W, within(0.02 * LinearData.SYNTHETIC_W));
            assertThat(model.summary().get("b"))
                    .isCloseTo(LinearData.SYNTHETIC_B, within(0.02 * LinearData.SYNTHETIC_B));
        }
    }

    @Test
    void miniBatchAdamAlsoFindsTheLine() throws Exception {
        Map<String, Object> params = Map.of("optimizer", "adam", "learningRate", 0.05, "batchSize", 32, "epochs", 60);
        try (TrainedModel model = new LinearRegressionPlugin().train(context("linear-synthetic", params))) {
            assertThat(model.summary().get("W")).isCloseTo(LinearData.SYNTHETIC_W, within(0.04));
            assertThat(model.summary().get("b")).isCloseTo(LinearData.SYNTHETIC_B, within(0.08));
        }
    }

    @Test
    void aTooLargeLearningRateOnUnscaledDataDiverges() throws Exception {
        FakeTrainingContext context = context("ex1data1", Map.of("learningRate", 0.03));
        assertThatThrownBy(() -> new LinearRegressionPlugin().train(context).close())
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageStartingWith("loss became NaN/Inf at step ");
    }

    private FakeTrainingContext context(String dataset, Map<String, Object> params) throws Exception {
        TrainingData data = TestDatasets.load(dataset);
        LinearRegressionPlugin plugin = new LinearRegressionPlugin();
        Map<String, Object> merged = new HashMap<>(plugin.defaultsFor(data.info()));
        merged.putAll(params);
        ParamValues values = ParamValues.check(plugin.hyperParameters(), merged);
        return new FakeTrainingContext(values, data, 42, () -> false);
    }
}
