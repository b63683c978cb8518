package dev.lectern.plugin.softmax;

import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.testkit.FakeTrainingContext;
import dev.lectern.plugin.testkit.TestDatasets;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Times the zoo lab's default run (2000 full-batch steps on 101 × 16, 7 classes) through the plugin API, the way the
 * server calls it. Run with {@code mvn -B -Pbenchmark -pl plugins/softmax-regression verify}; prints figures, asserts
 * nothing.
 */
@Tag("benchmark")
class SoftmaxRegressionBenchmark {

    private static final int STEPS = 2000;

    @Test
    void zooTwoThousandSteps() throws Exception {
        TrainingData data = TestDatasets.load("data-04-zoo");
        SoftmaxRegressionPlugin plugin = new SoftmaxRegressionPlugin();
        ParamValues params = ParamValues.check(plugin.hyperParameters(), plugin.defaultsFor(data.info()));

        double cold = timeOne(plugin, params, data);
        double[] warm = new double[7];
        for (int i = 0; i < warm.length; i++) {
            warm[i] = timeOne(plugin, params, data);
        }
        Arrays.sort(warm);
        double median = warm[warm.length / 2];
        System.out.printf(
                Locale.ROOT,
                "BENCHMARK softmax-regression data-04-zoo %d steps (sgd 0.1, full batch 101x16, 7 classes): "
                        + "cold %.3f s, warm median %.3f s (min %.3f, max %.3f), %.1f us/iteration, %.0f iterations/s%n",
                STEPS,
                cold,
                median,
                warm[0],
                warm[warm.length - 1],
                median / STEPS * 1e6,
                STEPS / median);
    }

    private static double timeOne(SoftmaxRegressionPlugin plugin, ParamValues params, TrainingData data)
            throws Exception {
        long start = System.nanoTime();
        try (TrainedModel model = plugin.train(new FakeTrainingContext(params, data, 42, () -> false))) {
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
