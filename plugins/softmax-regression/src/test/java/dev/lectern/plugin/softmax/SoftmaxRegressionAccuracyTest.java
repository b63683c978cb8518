package dev.lectern.plugin.softmax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.Table;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.api.TrainingDivergedException;
import dev.lectern.plugin.api.view.BarChart;
import dev.lectern.plugin.api.view.ConfusionMatrix;
import dev.lectern.plugin.api.view.Formulas;
import dev.lectern.plugin.support.Tex;
import dev.lectern.plugin.testkit.FakeTrainingContext;
import dev.lectern.plugin.testkit.RecordingMetricsSink.Point;
import dev.lectern.plugin.testkit.TestDatasets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lab's numbers on the real zoo file (through the mirror), held-out accuracy on blobs, bad labels, divergence. */
class SoftmaxRegressionAccuracyTest {

    private final SoftmaxRegressionPlugin plugin = new SoftmaxRegressionPlugin();

    @Test
    void zooWithTheLabSettingsReproducesTheReferenceTable() throws Exception {
        TrainingData zoo = TestDatasets.load("data-04-zoo");
        FakeTrainingContext context = context(zoo, plugin.defaultsFor(zoo.info()));
        try (TrainedModel model = plugin.train(context)) {
            // REFERENCE_RESULTS.md §5, zero initialisation: cost 0.0549 and 100 % after 2000 steps of GD(0.1).
            assertThat(model.summary().get("cost")).isCloseTo(0.0549, within(0.005));
            assertThat(model.summary().get("trainAccuracy")).isEqualTo(1.0);
            assertThat(model.summary())
                    .doesNotContainKey("testAccuracy")
                    .containsEntry("classes", 7.0)
                    .containsEntry("steps", 2000.0);
            List<Point> loss = context.recorded().points("loss");
            assertThat(loss.get(0).value()).as("cost at step 0 = log 7").isCloseTo(1.9459, within(1e-3));
            assertThat(valueAt(loss, 100)).as("cost at step 100").isCloseTo(0.4688, within(0.005));
            assertThat(valueAt(loss, 1000)).as("cost at step 1000").isCloseTo(0.1007, within(0.005));
            assertThat(valueAt(loss, 2000)).as("cost at step 2000").isCloseTo(0.0549, within(0.005));
            List<Point> accuracy = context.recorded().points("accuracy/train");
            assertThat(accuracy).hasSizeLessThanOrEqualTo(202);
            assertThat(valueAt(accuracy, 0)).isCloseTo(41 / 101.0, within(1e-6));
            assertThat(valueAt(accuracy, 500)).isCloseTo(98 / 101.0, within(1e-6));
            // The lab prints every 100 steps and first shows 100 % at step 700.
            assertThat(valueAt(accuracy, 600)).isLessThan(1.0);
            assertThat(accuracy.stream().filter(p -> p.step() >= 700))
                    .allSatisfy(p -> assertThat(p.value()).isEqualTo(1.0));
            assertThat(context.recorded().points("accuracy/test")).isEmpty();
            ConfusionMatrix confusion = (ConfusionMatrix) model.views().get(0);
            assertThat(confusion.title()).contains("training rows");
            assertThat(confusion.counts()[0][0] + confusion.counts()[6][6]).isEqualTo(41 + 10);
        }
    }

    @Test
    void wellSeparatedBlobsReachNinetyFivePercentHeldOutWithTheDeclaredDefaults() throws Exception {
        TrainingData blobs = Blobs.of("four-blobs", 4, 2, 600, 4, 2024);
        assertThat(plugin.defaultsFor(blobs.info())).isEmpty();
        FakeTrainingContext context = context(blobs, Map.of());
        try (TrainedModel model = plugin.train(context)) {
            assertThat(model.summary().get("testAccuracy")).isGreaterThanOrEqualTo(0.95);
            assertThat(model.summary().get("trainAccuracy")).isGreaterThanOrEqualTo(0.95);
            // Accuracy saturates within a few epochs; a low cost shows the declared 200 epochs actually converge.
            assertThat(model.summary().get("cost")).isLessThan(0.1);
            assertThat(context.recorded().points("accuracy/test")).hasSizeBetween(2, 202);
            ConfusionMatrix confusion = (ConfusionMatrix) model.views().get(0);
            assertThat(confusion.title()).contains("held-out");
            assertThat(Arrays.stream(confusion.counts())
                            .flatMapToLong(Arrays::stream)
                            .sum())
                    .isEqualTo(120);
            BarChart sample = (BarChart) model.views().get(2);
            double[] p = sample.series().get(1).values();
            assertThat(Arrays.stream(p).sum()).isCloseTo(1.0, within(1e-9));
            // The S(y) formulas are the same sample's: its logits and probabilities, the cost of the summary.
            Formulas formulas = (Formulas) model.views().get(model.views().size() - 1);
            double[] logits = sample.series().get(0).values();
            String[] y = new String[logits.length];
            String[] s = new String[p.length];
            for (int i = 0; i < p.length; i++) {
                y[i] = Tex.num(logits[i]);
                s[i] = Tex.num(p[i]);
            }
            assertThat(formulas.lines().get(0)).isEqualTo("y = xW + b = \\left(" + String.join(",\\ ", y) + "\\right)");
            assertThat(formulas.lines().get(1)).endsWith("S(y) = \\left(" + String.join(",\\ ", s) + "\\right)");
            assertThat(formulas.lines().get(3))
                    .endsWith(" = " + Tex.num(model.summary().get("cost")));
        }
    }

    @Test
    void miniBatchMomentumAlsoSeparatesTheBlobs() throws Exception {
        TrainingData blobs = Blobs.of("three-blobs", 3, 3, 300, 5, 7);
        Map<String, Object> params =
                Map.of("optimizer", "momentum", "learningRate", 0.05, "batchSize", 32, "epochs", 20, "init", "normal");
        try (TrainedModel model = plugin.train(context(blobs, params))) {
            assertThat(model.summary().get("testAccuracy")).isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void labelsThatAreNotClassIndicesAreRejectedNamingTheRow() {
        TrainingData blobs = Blobs.of("blobs", 3, 2, 30, 4, 1);
        assertThatThrownBy(() -> plugin.train(context(Blobs.withLabel(blobs, 4, 1.5f), Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label 'class' in data row 5 is 1.5")
                .hasMessageContaining("whole class indices");
        assertThatThrownBy(() -> plugin.train(context(Blobs.withLabel(blobs, 0, -1f), Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("data row 1 is -1.0");
    }

    @Test
    void logitsThatOverflowStopTheRunAsDiverged() {
        TrainingData blobs = Blobs.of("blobs", 3, 2, 30, 4, 1);
        float[] values = blobs.table().values().clone();
        for (int i = 0; i < values.length; i += 3) {
            values[i] *= 1e20f;
        }
        TrainingData huge =
                TrainingData.of(blobs.info(), new Table(blobs.table().columns(), 30, values));
        Map<String, Object> params = Map.of("featureScaling", "none", "optimizer", "sgd", "learningRate", 10.0);
        assertThatThrownBy(() -> plugin.train(context(huge, params)).close())
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageStartingWith("loss became NaN/Inf at step ");
    }

    private static double valueAt(List<Point> points, long step) {
        return points.stream()
                .filter(p -> p.step() == step)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no point at step " + step))
                .value();
    }

    private FakeTrainingContext context(TrainingData data, Map<String, Object> params) {
        ParamValues values = ParamValues.check(plugin.hyperParameters(), new HashMap<>(params));
        return new FakeTrainingContext(values, data, 42, () -> false);
    }
}
