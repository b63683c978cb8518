package dev.lectern.plugin.cnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.Prediction;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.testkit.FakeTrainingContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Close to the bar: the MNIST defaults (small network, Adam 1.5e-3 times 0.4 each epoch, batch 32, 3 epochs) reach 99 % test
 * accuracy; and the trained network reads digits drawn like the browser's canvas draws them.
 */
class CnnAccuracyTest {

    @Test
    @Timeout(1800)
    void mnistDefaultsReachNinetyNinePercentInThreeEpochs() throws Exception {
        TrainingData data = Mnist.load();
        assertThat(data.images().train().count()).isEqualTo(60_000);
        assertThat(data.images().test().count()).isEqualTo(10_000);
        CnnPlugin plugin = new CnnPlugin();
        Map<String, Object> defaults = plugin.defaultsFor(data.info());
        ParamValues params = ParamValues.check(plugin.hyperParameters(), defaults);
        assertThat(params.getInt("epochs")).isEqualTo(3);
        FakeTrainingContext context = new FakeTrainingContext(params, data, 42, () -> false);
        try (TrainedModel model = plugin.train(context)) {
            System.out.println("cnn mnist defaults: test accuracy per epoch "
                    + context.recorded().points("accuracy/test") + ", s/epoch "
                    + context.recorded().points("secondsPerEpoch"));
            // 99.12 % with seed 42 (99.08 to 99.24 % with seeds 1-3). Runs are bit for bit the same on an idle machine
            // and
            // with both cores busy elsewhere (checked: 99.06 % both ways with FC 128). A lower figure once seen under
            // load
            // came from DJL scalars freed by the GC before backward (see the testkit's GarbagePressure), not from the
            // kernels.
            assertThat(model.summary().get("testAccuracy"))
                    .as("test accuracy after 3 epochs")
                    .isGreaterThanOrEqualTo(0.99);
            assertThat(context.recorded().points("loss").size()).isBetween(100, 2001);

            assertThat(answer(model, Drawings.one())).as("a drawn 1").startsWith("1 ");
            assertThat(answer(model, Drawings.zero())).as("a drawn 0").startsWith("0 ");
            assertThat(answer(model, Drawings.seven())).as("a drawn 7").startsWith("7 ");
            Prediction seven = predict(model, Drawings.seven());
            assertThat(seven.values()).hasSize(10);
            assertThat(seven.values().values().stream()
                            .mapToDouble(Double::doubleValue)
                            .sum())
                    .isCloseTo(1.0, within(1e-4));
            assertThat(seven.views()).hasSize(2);
        }
    }

    private static String answer(TrainedModel model, java.awt.image.BufferedImage drawing) {
        String text = predict(model, drawing).text();
        System.out.println("cnn mnist: drawing answered " + text);
        return text;
    }

    private static Prediction predict(TrainedModel model, java.awt.image.BufferedImage drawing) {
        return model.predict(
                ParamValues.check(model.predictInputs(), Map.of(CnnModel.DIGIT, Drawings.dataUrl(drawing))));
    }
}
