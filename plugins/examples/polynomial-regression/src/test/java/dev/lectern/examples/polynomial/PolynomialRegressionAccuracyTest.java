package dev.lectern.examples.polynomial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.api.TrainingDivergedException;
import dev.lectern.plugin.api.view.Series;
import dev.lectern.plugin.api.view.SeriesStyle;
import dev.lectern.plugin.api.view.TableView;
import dev.lectern.plugin.api.view.XyChart;
import dev.lectern.plugin.testkit.FakeTrainingContext;
import dev.lectern.plugin.testkit.RecordingMetricsSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lesson's numbers: a known cubic is recovered, and too low a degree visibly underfits. */
class PolynomialRegressionAccuracyTest {

    /** y = 3 − 2x − x² + 0.5x³ + N(0, 0.3²), 400 rows with x uniform in [−3, 3]. */
    private static final double[] CUBIC = {3, -2, -1, 0.5};
    /** How far each recovered θ_k may be from the truth; with this noise the least-squares θ itself lands a few hundredths from the truth. */
    private static final double TOLERANCE = 0.1;

    @Test
    void aNoisyCubicIsRecoveredWithinTolerance() throws Exception {
        TrainingData data = Cubic.random("noisy-cubic", 400, CUBIC, 0.3, 3, 1);
        FakeTrainingContext context = context(data, Map.of("degree", 3, "epochs", 3000));
        try (TrainedModel model = new PolynomialRegressionPlugin().train(context)) {
            Map<String, Double> summary = model.summary();
            for (int k = 0; k < CUBIC.length; k++) {
                assertThat(summary.get("θ" + k)).as("θ%d", k).isCloseTo(CUBIC[k], within(TOLERANCE));
            }
            assertThat(summary.get("cost"))
                    .as("cost near the noise variance 0.09")
                    .isCloseTo(0.09, within(0.02));
            assertThat(summary.get("cost"))
                    .as("gradient descent reaches the least-squares optimum")
                    .isCloseTo(summary.get("cost (least squares)"), within(1e-4));
            assertThat(summary.get("msPerEpoch")).isPositive();
            assertThat(summary.get("jacksonMinor"))
                    .as("the plugin's own Jackson")
                    .isEqualTo(12.0);
            System.out.printf(
                    "recovered θ = [%.4f, %.4f, %.4f, %.4f] (true %s), cost %.5f, least squares %.5f%n",
                    summary.get("θ0"),
                    summary.get("θ1"),
                    summary.get("θ2"),
                    summary.get("θ3"),
                    java.util.Arrays.toString(CUBIC),
                    summary.get("cost"),
                    summary.get("cost (least squares)"));

            List<RecordingMetricsSink.Point> reference = context.recorded().points("loss/least squares");
            assertThat(reference).extracting(RecordingMetricsSink.Point::step).containsExactly(0L, 3000L);

            XyChart chart = (XyChart) model.views().get(0);
            assertThat(chart.series()).extracting(Series::style).containsExactly(SeriesStyle.POINTS, SeriesStyle.LINE);
            Series curve = chart.series().get(1);
            assertThat(curve.x()).hasSize(PolynomialViews.CURVE_POINTS);
            assertThat(curve.y()[0])
                    .as("H(min x) follows the cubic")
                    .isCloseTo(Cubic.eval(CUBIC, curve.x()[0]), within(0.3));
            TableView table = (TableView) model.views().get(1);
            assertThat(table.rows()).hasSize(4);
        }
    }

    @Test
    void degreeOneOnAParabolaUnderfits() throws Exception {
        TrainingData parabola = Cubic.random("parabola", 200, new double[] {1, 0, 1}, 0.2, 2, 3);
        double line;
        double curve;
        try (TrainedModel model = new PolynomialRegressionPlugin().train(context(parabola, Map.of("degree", 1)))) {
            line = model.summary().get("cost");
        }
        try (TrainedModel model = new PolynomialRegressionPlugin().train(context(parabola, Map.of("degree", 2)))) {
            curve = model.summary().get("cost");
        }
        System.out.printf("parabola: cost %.5f at degree 1, %.5f at degree 2 (%.1fx)%n", line, curve, line / curve);
        assertThat(line).as("degree 1 cost vs degree 2 cost %s", curve).isGreaterThan(10 * curve);
    }

    @Test
    void savedModelKeepsItsScalingInJsonWrittenByTheBundledJackson(@TempDir Path dir) throws Exception {
        TrainingData data = Cubic.random("noisy-cubic", 100, CUBIC, 0.3, 3, 2);
        double before;
        try (TrainedModel model = new PolynomialRegressionPlugin().train(context(data, Map.of("epochs", 200)))) {
            before = model.predict(ParamValues.check(model.predictInputs(), Map.of("x", 2.5)))
                    .values()
                    .get("y");
            model.save(dir);
        }
        String json = Files.readString(dir.resolve(ModelMetadata.FILE), StandardCharsets.UTF_8);
        assertThat(json).contains("\"degree\" : 3").contains("\"writtenWith\" : \"2.12.7\"");
        assertThat(dir.resolve("polynomial-regression-0000.params"))
                .as("DJL's parameter file")
                .exists();
        try (TrainedModel loaded = new PolynomialRegressionPlugin().load(dir, Device.cpu())) {
            double after = loaded.predict(ParamValues.check(loaded.predictInputs(), Map.of("x", 2.5)))
                    .values()
                    .get("y");
            assertThat(after).isEqualTo(before);
        }
    }

    @Test
    void aMissingMetadataFileIsAReadableError(@TempDir Path dir) {
        assertThatThrownBy(() -> new PolynomialRegressionPlugin().load(dir, Device.cpu()))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining(ModelMetadata.FILE);
    }

    @Test
    void aTooLargeLearningRateDivergesWithAReadableReason() {
        TrainingData data = Cubic.random("noisy-cubic", 100, CUBIC, 0.3, 3, 2);
        FakeTrainingContext context = context(data, Map.of("optimizer", "sgd", "learningRate", 10.0, "epochs", 500));
        assertThatThrownBy(() -> new PolynomialRegressionPlugin().train(context).close())
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageStartingWith("loss became NaN/Inf at step ");
    }

    @Test
    void aTableWithTwoFeaturesIsRefusedNamingTheDataSet() {
        List<Column> columns = List.of(
                new Column("x1", ColumnRole.FEATURE),
                new Column("x2", ColumnRole.FEATURE),
                new Column("y", ColumnRole.LABEL));
        DatasetInfo twoFeatures = new DatasetInfo("two", "two", DatasetKind.TABLE, columns, "");
        PolynomialRegressionPlugin plugin = new PolynomialRegressionPlugin();
        ParamValues defaults = ParamValues.check(plugin.hyperParameters(), Map.of());
        assertThatThrownBy(() -> plugin.validate(defaults, twoFeatures))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.field()).isEqualTo("dataset"))
                .hasMessageContaining("exactly one feature");
    }

    private static FakeTrainingContext context(TrainingData data, Map<String, Object> params) {
        Map<String, Object> merged = new HashMap<>(params);
        ParamValues values = ParamValues.check(new PolynomialRegressionPlugin().hyperParameters(), merged);
        return new FakeTrainingContext(values, data, 42, () -> false);
    }
}
