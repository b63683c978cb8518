package dev.lectern.plugin.logreg;

import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.testkit.FakeTrainingContext;
import dev.lectern.plugin.testkit.TestDatasets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Times the student's default ex2data1 run (500 full-batch steps) and the docs/performance.md's logreg workload (100 x 2
 * standardized, SGD lr 0.001, 10,000 steps) through the plugin API, the way the server calls it. Run with
 * {@code mvn -B -Pbenchmark -pl plugins/logistic-regression verify}; prints figures, asserts nothing.
 */
@Tag("benchmark")
class LogisticRegressionBenchmark {

    /** docs/performance.md, run B, same machine kind: PyTorch 1.13 and a raw DJL loop, 100x2 logreg, 10,000 iterations. */
    private static final double PYTORCH_SECONDS = 1.24;

    private static final double RAW_DJL_SECONDS = 1.59;
    private static final int BASELINE_STEPS = 10_000;

    @Test
    void ex2data1DefaultsAndTheBaselineWorkload() throws Exception {
        TrainingData data = TestDatasets.load("ex2data1");
        LogisticRegressionPlugin plugin = new LogisticRegressionPlugin();
        ParamValues defaults = ParamValues.check(plugin.hyperParameters(), plugin.defaultsFor(data.info()));
        int steps = defaults.getInt(LogisticRegressionParams.EPOCHS);

        double cold = timeOne(plugin, defaults, data);
        double[] warm = timeSeveral(plugin, defaults, data, 9);
        double median = warm[warm.length / 2];
        System.out.printf(
                Locale.ROOT,
                "BENCHMARK logistic-regression ex2data1 defaults (%d full-batch steps): cold %.3f s, "
                        + "warm median %.3f s (min %.3f, max %.3f), %.1f us/iteration, %.0f iterations/s%n",
                steps,
                cold,
                median,
                warm[0],
                warm[warm.length - 1],
                median / steps * 1e6,
                steps / median);

        Map<String, Object> baseline = new HashMap<>(defaults.asMap());
        baseline.putAll(
                Map.of(LogisticRegressionParams.LEARNING_RATE, 0.001, LogisticRegressionParams.EPOCHS, BASELINE_STEPS));
        ParamValues workload = ParamValues.check(plugin.hyperParameters(), baseline);
        double[] long10k = timeSeveral(plugin, workload, data, 3);
        double median10k = long10k[1];
        System.out.printf(
                Locale.ROOT,
                "BENCHMARK logistic-regression ex2data1 perf-baseline workload (%d steps, lr 0.001): "
                        + "median %.3f s, %.1f us/iteration, %.0f iterations/s; ratio to PyTorch 1.13 %.2f, "
                        + "to a raw DJL loop %.2f (perf-baseline figures)%n",
                BASELINE_STEPS,
                median10k,
                median10k / BASELINE_STEPS * 1e6,
                BASELINE_STEPS / median10k,
                median10k / PYTORCH_SECONDS,
                median10k / RAW_DJL_SECONDS);
    }

    private static double[] timeSeveral(
            LogisticRegressionPlugin plugin, ParamValues params, TrainingData data, int runs) throws Exception {
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            seconds[i] = timeOne(plugin, params, data);
        }
        Arrays.sort(seconds);
        return seconds;
    }

    private static double timeOne(LogisticRegressionPlugin plugin, ParamValues params, TrainingData data)
            throws Exception {
        long start = System.nanoTime();
        try (TrainedModel model = plugin.train(new FakeTrainingContext(params, data, 42, () -> false))) {
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
