package dev.lectern.plugin.cnn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.testkit.FakeTrainingContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bar: the MNIST defaults (small network, Adam 1e-3, batch 100, 3 epochs) reach 99 % test accuracy. */
class CnnAccuracyTest {

    @Test
    @Timeout(600)
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
            System.out.println("cnn mnist defaults: test accuracy per epoch " + context.recorded().points("accuracy/test")
                    + ", s/epoch " + context.recorded().points("secondsPerEpoch"));
            assertThat(model.summary().get("testAccuracy")).as("test accuracy after 3 epochs").isGreaterThanOrEqualTo(0.985);
            assertThat(context.recorded().points("loss").size()).isBetween(100, 2001);
        }
    }
}
