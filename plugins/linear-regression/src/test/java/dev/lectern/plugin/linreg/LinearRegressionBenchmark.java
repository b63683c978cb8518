package dev.lectern.plugin.linreg;

import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.testkit.FakeTrainingContext;
import dev.lectern.plugin.testkit.TestDatasets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Times the lecture's ex1data1 run (1500 full-batch iterations) through the plugin API, the way the server calls it.
 * Run with {@code mvn -B -Pbenchmark -pl plugins/linear-regression -am verify}; prints figures, asserts nothing.
 */
@Tag("benchmark")
class LinearRegressionBenchmark {

    /** docs/performance.md, run B, same machine kind: PyTorch 1.13 and a raw DJL loop, 97x1 1500 iterations. */
    private static final double PYTORCH_SECONDS = 0.156;

    private static final double RAW_DJL_SECONDS = 0.246;

    @Test
    void ex1data1FifteenHundredIterations() throws Exception {
        TrainingData data = TestDatasets.load("ex1data1");
        LinearRegressionPlugin plugin = new LinearRegressionPlugin();
        ParamValues params = ParamValues.check(plugin.hyperParameters(), Map.of());

        double cold = timeOne(plugin, params, data);
        double[] warm = new double[7];
        for (int i = 0; i < warm.length; i++) {
            warm[i] = timeOne(plugin, params, data);
        }
        Arrays.sort(warm);
        double median = warm[warm.length / 2];
        System.out.printf(
                Locale.ROOT,
                "BENCHMARK linear-regression ex1data1 1500 iterations: cold %.3f s, warm median %.3f s "
                        + "(min %.3f, max %.3f), %.1f us/iteration, %.0f iterations/s; ratio to PyTorch 1.13 %.2f, "
                        + "to a raw DJL loop %.2f (perf-baseline figures)%n",
                cold,
                median,
                warm[0],
                warm[warm.length - 1],
                median / 1500 * 1e6,
                1500 / median,
                median / PYTORCH_SECONDS,
                median / RAW_DJL_SECONDS);
    }

    private static double timeOne(LinearRegressionPlugin plugin, ParamValues params, TrainingData data)
            throws Exception {
        long start = System.nanoTime();
        try (TrainedModel model = plugin.train(new FakeTrainingContext(params, data, 42, () -> false))) {
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
