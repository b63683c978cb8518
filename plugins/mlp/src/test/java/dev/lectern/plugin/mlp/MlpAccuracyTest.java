package dev.lectern.plugin.mlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.api.view.ConfusionMatrix;
import dev.lectern.plugin.api.view.Heatmap;
import dev.lectern.plugin.api.view.ImageGallery;
import dev.lectern.plugin.api.view.Series;
import dev.lectern.plugin.api.view.SeriesStyle;
import dev.lectern.plugin.api.view.TableView;
import dev.lectern.plugin.testkit.FakeTrainingContext;
import dev.lectern.plugin.testkit.RecordingMetricsSink.Point;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lecture's results: XOR needs a hidden layer, deep sigmoid nets' first layers get vanishing gradients. */
class MlpAccuracyTest {

    private final MlpPlugin plugin = new MlpPlugin();

    @Test
    void xorWithTheDefaultsReachesOneHundredPercentAndDrawsEveryHiddenUnit() throws Exception {
        TrainingData xor = MlpTestData.load("xor");
        FakeTrainingContext context = context(xor, Map.of());
        try (TrainedModel model = plugin.train(context)) {
            assertThat(model.summary().get("trainAccuracy")).isEqualTo(1.0);
            assertThat(model.summary().get("loss")).isLessThan(0.01);
            assertThat(model.summary().get("parameters")).isEqualTo(2 * 4 + 4 + 4 * 2 + 2.0);
            Heatmap map = (Heatmap) model.views().get(0);
            assertThat(map.contours()).containsExactly(0.5);
            assertThat(map.overlay().stream()
                            .filter(s -> s.style() == SeriesStyle.LINE)
                            .map(Series::name))
                    .as("one line per hidden unit (when it crosses the box)")
                    .hasSizeBetween(2, 4)
                    .allSatisfy(name -> assertThat(name).startsWith("hidden unit "));
            // P(y = 1) at the four corners of the unit square follows the truth table.
            int last = map.x().length - 1;
            int lo = indexOf(map.x(), 0.0);
            int hi = indexOf(map.x(), 1.0);
            assertThat(map.values()[lo][lo]).isLessThan(0.5);
            assertThat(map.values()[hi][lo]).isGreaterThan(0.5);
            assertThat(map.values()[lo][hi]).isGreaterThan(0.5);
            assertThat(map.values()[hi][hi]).isLessThan(0.5);
            assertThat(last).isPositive();
            TableView predictions = (TableView) model.views().get(1);
            assertThat(predictions.rows()).hasSize(4);
            assertThat(predictions.rows().stream().map(r -> r.get(3)).toList()).containsExactly("0", "1", "1", "0");
            List<Point> accuracy = context.recorded().points("accuracy/train");
            assertThat(accuracy).hasSizeLessThanOrEqualTo(202);
            assertThat(context.recorded().points("loss")).hasSizeLessThanOrEqualTo(2001);
        }
    }

    @Test
    void xorWithoutAHiddenLayerCannotReachOneHundredPercent() throws Exception {
        TrainingData xor = MlpTestData.load("xor");
        try (TrainedModel model = plugin.train(context(xor, Map.of("hiddenLayers", "none")))) {
            // A straight line separates at most 3 of XOR's 4 points; Adam settles at w = 0, P = 0.5 everywhere.
            assertThat(model.summary().get("trainAccuracy")).isLessThan(1.0);
            assertThat(model.summary().get("loss")).isGreaterThan(0.3);
        }
    }

    @Test
    void deepSigmoidNetsStarveTheirFirstLayerOfGradientWhereReluDoesNot() throws Exception {
        TrainingData xor = MlpTestData.load("xor");
        double sigmoid = firstToLastGradientRatio(xor, "sigmoid");
        double relu = firstToLastGradientRatio(xor, "relu");
        // Measured here: sigmoid 4.9e-5, relu 7.3: the first layer's share is about 10^5 times smaller with sigmoid.
        assertThat(sigmoid).as("sigmoid layer 1 / layer 7").isLessThan(1e-2);
        System.out.printf(
                "gradient norm layer 1 / layer 7: sigmoid %.3g, relu %.3g, factor %.3g%n",
                sigmoid, relu, relu / sigmoid);
        assertThat(relu / sigmoid).as("relu ratio over sigmoid ratio").isGreaterThan(10);
    }

    @Test
    void hiddenLayerListsAreCheckedNamingTheField() {
        assertThat(HiddenLayers.parse("none")).isEmpty();
        assertThat(HiddenLayers.parse(" 10, 10,10 ")).containsExactly(10, 10, 10);
        assertThatThrownBy(() -> HiddenLayers.parse("1,2,3,4,5,6,7,8,9"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("at most 8");
        assertThatThrownBy(() -> HiddenLayers.parse("10,0"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("between 1 and 4096");
        assertThatThrownBy(() -> HiddenLayers.parse("10,x"))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.field()).isEqualTo("hiddenLayers"));
        assertThatThrownBy(() -> new MlpPlugin()
                        .validate(
                                ParamValues.check(MlpParams.SPECS, Map.of("hiddenLayers", "64;64")),
                                MlpTestData.noisyXor(8, 1).info()))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.field()).isEqualTo("hiddenLayers"));
    }

    @Test
    void mnistWithTheDefaultsReachesNinetySevenAndAHalfPercentInFiveEpochs() throws Exception {
        TrainingData mnist = MlpTestData.load("mnist");
        FakeTrainingContext context = context(mnist, Map.of());
        try (TrainedModel model = plugin.train(context)) {
            System.out.printf(
                    "MNIST defaults: test accuracy %.4f, %.2f s/epoch%n",
                    model.summary().get("testAccuracy"), model.summary().get("secondsPerEpoch"));
            assertThat(model.summary().get("testAccuracy")).isGreaterThanOrEqualTo(0.975);
            assertThat(model.summary().get("parameters")).isEqualTo(784 * 256 + 256 + 256 * 10 + 10.0);
            assertThat(context.recorded().points("accuracy/test")).hasSize(6);
            assertThat(context.recorded().points("gradNorm/layer 2")).hasSize(5);
            assertThat(context.recorded().points("loss")).hasSizeBetween(100, 2001);
            ConfusionMatrix confusion = (ConfusionMatrix) model.views().get(0);
            assertThat(java.util.Arrays.stream(confusion.counts())
                            .flatMapToLong(java.util.Arrays::stream)
                            .sum())
                    .isEqualTo(10_000);
            ImageGallery gallery = (ImageGallery) model.views().get(2);
            assertThat(gallery.images())
                    .hasSize(24)
                    .allSatisfy(i -> assertThat(i.caption()).matches("predicted \\d, true \\d"));
        }
    }

    @Test
    void mnistDefaultsAreTheLabsNetwork() {
        Map<String, Object> mnist = plugin.defaultsFor(new dev.lectern.plugin.api.DatasetInfo(
                "mnist", "MNIST", dev.lectern.plugin.api.DatasetKind.IMAGES, List.of(), ""));
        assertThat(mnist)
                .containsEntry("hiddenLayers", "256")
                .containsEntry("activation", "relu")
                .containsEntry("optimizer", "adam")
                .containsEntry("learningRate", 0.001)
                .containsEntry("batchSize", 100)
                .containsEntry("epochs", 5);
    }

    private double firstToLastGradientRatio(TrainingData data, String activation) throws Exception {
        Map<String, Object> params =
                Map.of("hiddenLayers", "16,16,16,16,16,16", "activation", activation, "init", "xavier", "epochs", 5);
        FakeTrainingContext context = context(data, params);
        try (TrainedModel model = plugin.train(context)) {
            double first = context.recorded().points("gradNorm/layer 1").get(0).value();
            double last = context.recorded().points("gradNorm/layer 7").get(0).value();
            assertThat(first).isPositive();
            return first / last;
        }
    }

    private static int indexOf(double[] grid, double value) {
        int best = 0;
        for (int i = 1; i < grid.length; i++) {
            if (Math.abs(grid[i] - value) < Math.abs(grid[best] - value)) {
                best = i;
            }
        }
        return best;
    }

    private FakeTrainingContext context(TrainingData data, Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>(plugin.defaultsFor(data.info()));
        values.putAll(overrides);
        return new FakeTrainingContext(ParamValues.check(plugin.hyperParameters(), values), data, 42, () -> false);
    }
}
