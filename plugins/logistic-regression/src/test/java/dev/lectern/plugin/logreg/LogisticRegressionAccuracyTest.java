package dev.lectern.plugin.logreg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lectern.plugin.api.DataFacts;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.LabelKind;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.Prediction;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.testkit.FakeTrainingContext;
import dev.lectern.plugin.testkit.RecordingMetricsSink;
import dev.lectern.plugin.testkit.TestDatasets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lecture's numbers on the real Coursera and lab files (through the mirror), with the defaults a student gets. */
class LogisticRegressionAccuracyTest {

    // REFERENCE_RESULTS.md §3 (ex2data1): the optimum found by Newton's method, and the course's prediction.
    private static final double OPTIMAL_COST = 0.20349770;
    private static final double[] OPTIMAL_THETA = {-25.161334, 0.206232, 0.201472};
    private static final double P_ADMIT_45_85 = 0.776291;

    private final LogisticRegressionPlugin plugin = new LogisticRegressionPlugin();

    @Test
    void ex2data1WithItsDefaultsReachesTheCourseOptimum() throws Exception {
        FakeTrainingContext context = context("ex2data1", Map.of());
        try (TrainedModel model = plugin.train(context)) {
            Map<String, Double> summary = model.summary();
            assertThat(summary.get("cost")).isCloseTo(OPTIMAL_COST, within(1e-3));
            assertThat(summary.get("accuracy")).isEqualTo(0.89);
            assertThat(summary.get("b")).isCloseTo(OPTIMAL_THETA[0], within(0.05));
            assertThat(summary.get("W1")).isCloseTo(OPTIMAL_THETA[1], within(5e-4));
            assertThat(summary.get("W2")).isCloseTo(OPTIMAL_THETA[2], within(5e-4));
            assertThat(summary).containsKeys("W1 (scaled)", "W2 (scaled)", "b (scaled)", "msPerEpoch", "steps");

            Prediction p = model.predict(ParamValues.check(model.predictInputs(), Map.of("x1", 45, "x2", 85)));
            assertThat(p.values().get("probability")).isCloseTo(P_ADMIT_45_85, within(0.002));
            assertThat(p.values().get("class")).isEqualTo(1.0);
            assertThat(p.text()).isEqualTo("P(admitted = 1 | exam 1 score = 45, exam 2 score = 85) = 0.776 → class 1");

            List<RecordingMetricsSink.Point> loss = context.recorded().points("loss");
            assertThat(loss.get(0).value()).as("J(0) = ln 2").isCloseTo(Math.log(2), within(1e-6));
            List<RecordingMetricsSink.Point> accuracy = context.recorded().points("accuracy");
            assertThat(accuracy.get(0).value())
                    .as("W = 0 calls everyone admitted")
                    .isEqualTo(0.6);
            assertThat(accuracy.get(accuracy.size() - 1).value()).isEqualTo(0.89);
            assertThat(accuracy)
                    .as("accuracy is sampled, not reported every step")
                    .hasSizeBetween(100, 202);
        }
    }

    @Test
    void plainGradientDescentOnRawScoresBarelyMoves() throws Exception {
        // The lesson behind featureScaling: on raw exam scores the step that is safe for W leaves b almost at 0.
        Map<String, Object> raw =
                Map.of("featureScaling", "none", "optimizer", "sgd", "learningRate", 0.001, "epochs", 400);
        try (TrainedModel model = plugin.train(context("ex2data1", raw))) {
            assertThat(model.summary().get("cost"))
                    .as("far from the optimum 0.2035")
                    .isGreaterThan(0.6);
            assertThat(model.summary().get("b")).as("b after 400 steps").isCloseTo(0, within(0.1));
            assertThat(model.summary().get("accuracy"))
                    .as("still predicts the majority class")
                    .isEqualTo(0.6);
            assertThat(model.summary()).doesNotContainKey("W1 (scaled)");
        }
    }

    @Test
    void ex2data2IsNotLinearlySeparable() throws Exception {
        try (TrainedModel model = plugin.train(context("ex2data2", Map.of()))) {
            // The best straight line (computed in float64): cost 0.690241, 65 of 118 right.
            assertThat(model.summary().get("cost")).isCloseTo(0.690241, within(1e-4));
            assertThat(model.summary().get("accuracy")).isCloseTo(65 / 118.0, within(1e-9));
        }
    }

    @Test
    void theDeclaredDefaultsReachTheDiabetesOptimum() throws Exception {
        // REFERENCE_RESULTS.md §6: Newton's optimum on data-03-diabetes, cost 0.471671 and training accuracy 0.769433.
        try (TrainedModel model = plugin.train(context("data-03-diabetes", Map.of()))) {
            assertThat(model.summary().get("cost")).isCloseTo(0.471671, within(1e-4));
            assertThat(model.summary().get("accuracy")).isCloseTo(0.769433, within(1e-5));
            assertThat(model.views())
                    .as("eight features: no plane, only the confusion matrix, the table and the formulas")
                    .extracting(v -> v.getClass().getSimpleName())
                    .containsExactly("ConfusionMatrix", "TableView", "Formulas");
        }
    }

    @Test
    void theThresholdSurvivesSaveAndLoad(@TempDir Path dir) throws Exception {
        Map<String, Object> strict = Map.of("threshold", 0.8);
        Prediction before;
        try (TrainedModel model = plugin.train(context("ex2data1", strict))) {
            before = model.predict(ParamValues.check(model.predictInputs(), Map.of("x1", 45, "x2", 85)));
            assertThat(before.values().get("class"))
                    .as("P = 0.776 is below 0.8")
                    .isEqualTo(0.0);
            model.save(dir);
        }
        try (TrainedModel loaded = plugin.load(dir, ai.djl.Device.cpu())) {
            Prediction after = loaded.predict(ParamValues.check(loaded.predictInputs(), Map.of("x1", 45, "x2", 85)));
            assertThat(after).isEqualTo(before);
        }
    }

    @Test
    void theLabelFactsDecideNotTheDataSetsId() throws Exception {
        DatasetInfo ex2data1 = TestDatasets.load("ex2data1").info();
        assertThat(ex2data1.facts().label()).isEqualTo(LabelKind.BINARY);
        plugin.validate(values(Map.of()), ex2data1);
        assertThat(plugin.dataRequirements().mismatch(ex2data1, plugin.datasetKinds()))
                .isEmpty();

        DatasetInfo blobs = TestDatasets.load("three-blobs").info();
        assertThatThrownBy(() -> plugin.validate(values(Map.of()), blobs))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.field()).isEqualTo("dataset");
                    assertThat(e.getMessage()).contains("'three-blobs'", "not a 0/1 class", "3 classes (0, 1, 2)");
                });
        assertThat(plugin.dataRequirements().mismatch(blobs, plugin.datasetKinds()))
                .contains("needs a binary label (0/1); three-blobs has 3 classes (0, 1, 2)");

        // The same id with other facts: only the facts count, no list of ids.
        assertThatThrownBy(() ->
                        plugin.validate(values(Map.of()), ex2data1.withFacts(DataFacts.continuous(2, 100, 0.5, 3.5))))
                .isInstanceOf(InvalidParameterException.class);
        DatasetInfo relabelled = TestDatasets.load("ex1data1").info().withFacts(DataFacts.binary(1, 97));
        plugin.validate(values(Map.of()), relabelled);
        // Facts not known before loading (an API 1.3 description) pass here; the loaded values are checked instead.
        plugin.validate(
                values(Map.of()), new DatasetInfo("upload", "upload", DatasetKind.TABLE, ex2data1.columns(), ""));
    }

    @Test
    void aLabelThatIsNotZeroOrOneIsRejected() throws Exception {
        assertThatThrownBy(() -> plugin.validate(
                        values(Map.of()), TestDatasets.load("ex1data1").info()))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.field()).isEqualTo("dataset");
                    assertThat(e.getMessage()).contains("profit ($10,000s)", "not a 0/1 class");
                });
        assertThatThrownBy(() -> plugin.validate(
                        values(Map.of()), TestDatasets.load("linear-synthetic").info()))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.field()).isEqualTo("dataset"));
        plugin.validate(values(Map.of()), TestDatasets.load("ex2data1").info());

        TrainingData twos = TinyTables.table(
                "upload",
                List.of("x"),
                "passed",
                List.of(new float[] {1, 0}, new float[] {2, 1}, new float[] {3, 2}, new float[] {4, 1}));
        FakeTrainingContext context = new FakeTrainingContext(values(Map.of()), twos, 1, () -> false);
        assertThatThrownBy(() -> plugin.train(context).close())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'passed'")
                .hasMessageContaining("row 3 has 2.0");
    }

    private FakeTrainingContext context(String dataset, Map<String, Object> overrides) throws IOException {
        TrainingData data = TestDatasets.load(dataset);
        Map<String, Object> params = new HashMap<>(plugin.defaultsFor(data.info()));
        params.putAll(overrides);
        return new FakeTrainingContext(values(params), data, 42, () -> false);
    }

    private ParamValues values(Map<String, Object> params) {
        return ParamValues.check(plugin.hyperParameters(), params);
    }
}
