package dev.lectern.plugin.mlp;

import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.testkit.FakeTrainingContext;
import dev.lectern.plugin.testkit.PyTorchReference;
import dev.lectern.plugin.testkit.TestDatasets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Times one MNIST epoch of 784-256-10 (Adam 0.001, batch 100) and 10 000 full-batch XOR steps through the plugin API,
 * the way the server calls it. Run with {@code mvn -B -Pbenchmark -pl plugins/mlp verify}; prints figures, asserts
 * nothing. The PyTorch reference is perf-baseline.md's 0.798 s per MNIST epoch (PyTorch 1.13, same model and data).
 */
@Tag("benchmark")
class MlpBenchmark {

    private static final double PYTORCH_SECONDS_PER_EPOCH = 0.798;
    private static final int XOR_STEPS = 10_000;

    private final MlpPlugin plugin = new MlpPlugin();

    @Test
    void mnistOneEpoch() throws Exception {
        TrainingData mnist;
        try {
            mnist = MlpTestData.load("mnist");
        } catch (Exception e) {
            System.out.println("BENCHMARK mlp mnist: skipped, MNIST is not available (" + e.getMessage() + ")");
            return;
        }
        Map<String, Object> values = new HashMap<>(plugin.defaultsFor(mnist.info()));
        values.put("epochs", 1);
        ParamValues params = ParamValues.check(plugin.hyperParameters(), values);
        double[] seconds = new double[3];
        for (int i = 0; i < seconds.length; i++) {
            try (TrainedModel model = plugin.train(new FakeTrainingContext(params, mnist, 42, () -> false))) {
                seconds[i] = model.summary().get("secondsPerEpoch");
            }
        }
        double cold = seconds[0];
        double[] warm = Arrays.copyOfRange(seconds, 1, seconds.length);
        Arrays.sort(warm);
        double best = warm[0];
        int images = mnist.images().train().count();
        System.out.printf(Locale.ROOT, "BENCHMARK mlp mnist: %.3f s/epoch, %.0f images/s (784-256-10, adam 0.001, batch 100; "
                        + "cold %.3f s; ratio to perf-baseline's PyTorch %.3f s = %.2f)%n",
                best, images / best, cold, PYTORCH_SECONDS_PER_EPOCH, best / PYTORCH_SECONDS_PER_EPOCH);
        PyTorchReference.run("mnist.py", "--model", "mlp", "--data", TestDatasets.cache().resolve("mnist").toString())
                .ifPresentOrElse(line -> {
                    double torch = PyTorchReference.value(line, "seconds_per_epoch");
                    System.out.printf(Locale.ROOT, "BENCHMARK mlp mnist: same run, PyTorch %.3f s/epoch; ratio DJL/PyTorch %.2f%n",
                            torch, best / torch);
                }, () -> System.out.println("BENCHMARK mlp mnist: no same-run PyTorch figure (python3 with torch not found)"));
    }

    @Test
    void xorTenThousandSteps() throws Exception {
        TrainingData xor = MlpTestData.load("xor");
        Map<String, Object> values = new HashMap<>(plugin.defaultsFor(xor.info()));
        values.put("epochs", XOR_STEPS);
        ParamValues params = ParamValues.check(plugin.hyperParameters(), values);
        double[] seconds = new double[4];
        for (int i = 0; i < seconds.length; i++) {
            long start = System.nanoTime();
            try (TrainedModel model = plugin.train(new FakeTrainingContext(params, xor, 42, () -> false))) {
                seconds[i] = (System.nanoTime() - start) / 1e9;
            }
        }
        double[] warm = Arrays.copyOfRange(seconds, 1, seconds.length);
        Arrays.sort(warm);
        double median = warm[warm.length / 2];
        System.out.printf(Locale.ROOT, "BENCHMARK mlp xor: %d steps (2-4-2 sigmoid, adam 0.1, full batch) cold %.3f s, "
                        + "warm median %.3f s, %.0f iterations/s, %.1f us/iteration%n",
                XOR_STEPS, seconds[0], median, XOR_STEPS / median, median / XOR_STEPS * 1e6);
        PyTorchReference.run("xor.py", "--steps", Integer.toString(XOR_STEPS)).ifPresentOrElse(line -> {
            double torch = PyTorchReference.value(line, "seconds");
            System.out.printf(Locale.ROOT, "BENCHMARK mlp xor: same run, PyTorch %.3f s; ratio DJL/PyTorch %.2f%n", torch, median / torch);
        }, () -> System.out.println("BENCHMARK mlp xor: no same-run PyTorch figure (python3 with torch not found)"));
    }
}
