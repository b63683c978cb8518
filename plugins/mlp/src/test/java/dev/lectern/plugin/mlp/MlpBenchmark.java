package dev.lectern.plugin.mlp;

import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.testkit.FakeTrainingContext;
import dev.lectern.plugin.testkit.PairedTiming;
import dev.lectern.plugin.testkit.PyTorchReference;
import dev.lectern.plugin.testkit.TestDatasets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Times one MNIST epoch of 784-256-10 (Adam 0.001, batch 100) and 10 000 full-batch XOR steps through the plugin API,
 * the way the server calls it, in rounds alternating with the same model in PyTorch 1.13 ({@code bench/mnist.py},
 * {@code bench/xor.py}). Run with {@code mvn -B -Pbenchmark -pl plugins/mlp verify}; prints figures, asserts nothing.
 */
@Tag("benchmark")
class MlpBenchmark {

    private static final double PYTORCH_SECONDS_PER_EPOCH = 0.798;
    private static final int XOR_STEPS = 10_000;
    private static final int ROUNDS = Integer.getInteger("lectern.bench.rounds", 3);

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
        // -Dlectern.bench.dropout=0.3 times the epoch with dropout after the hidden layer (the PyTorch side has none).
        double dropout = Double.parseDouble(System.getProperty("lectern.bench.dropout", "0"));
        values.put("dropout", dropout);
        ParamValues params = ParamValues.check(plugin.hyperParameters(), values);
        Callable<Double> epoch = () -> {
            try (TrainedModel model = plugin.train(new FakeTrainingContext(params, mnist, 42, () -> false))) {
                return model.summary().get("secondsPerEpoch");
            }
        };
        double cold = epoch.call();
        String data = TestDatasets.cache().resolve("mnist").toString();
        Optional<PairedTiming> paired = PairedTiming.measure(
                ROUNDS,
                epoch,
                () -> PyTorchReference.run("mnist.py", "--model", "mlp", "--data", data, "--repeats", "1")
                        .map(line -> PyTorchReference.value(line, "seconds_per_epoch")));
        if (paired.isEmpty()) {
            double warm = epoch.call();
            System.out.printf(
                    Locale.ROOT,
                    "BENCHMARK mlp mnist: %.3f s/epoch, %.0f images/s (cold %.3f s, dropout %s); "
                            + "no same-run PyTorch figure (python3 with torch not found); docs/performance.md's PyTorch %.3f s%n",
                    warm,
                    mnist.images().train().count() / warm,
                    cold,
                    dropout,
                    PYTORCH_SECONDS_PER_EPOCH);
            return;
        }
        double median = paired.get().medianDjl();
        System.out.printf(
                Locale.ROOT,
                "BENCHMARK mlp mnist: 784-256-10, adam 0.001, batch 100, one epoch: %.3f s/epoch, "
                        + "%.0f images/s (cold %.3f s, dropout %s; docs/performance.md's PyTorch %.3f s)%n",
                median,
                mnist.images().train().count() / median,
                cold,
                dropout,
                PYTORCH_SECONDS_PER_EPOCH);
        System.out.println("BENCHMARK mlp mnist: " + paired.get().describe());
    }

    @Test
    void xorTenThousandSteps() throws Exception {
        TrainingData xor = MlpTestData.load("xor");
        Map<String, Object> values = new HashMap<>(plugin.defaultsFor(xor.info()));
        values.put("epochs", XOR_STEPS);
        ParamValues params = ParamValues.check(plugin.hyperParameters(), values);
        Callable<Double> once = () -> {
            long start = System.nanoTime();
            try (TrainedModel model = plugin.train(new FakeTrainingContext(params, xor, 42, () -> false))) {
                return (System.nanoTime() - start) / 1e9;
            }
        };
        double cold = once.call();
        // Best of two on both sides: the reference script takes the best of its repeats.
        Callable<Double> bestOfTwo = () -> Math.min(once.call(), once.call());
        Optional<PairedTiming> paired = PairedTiming.measure(
                ROUNDS,
                bestOfTwo,
                () -> PyTorchReference.run("xor.py", "--steps", Integer.toString(XOR_STEPS), "--repeats", "2")
                        .map(line -> PyTorchReference.value(line, "seconds")));
        double median = paired.map(PairedTiming::medianDjl).orElse(bestOfTwo.call());
        System.out.printf(
                Locale.ROOT,
                "BENCHMARK mlp xor: %d steps (2-4-2 sigmoid, adam 0.1, full batch) cold %.3f s, "
                        + "warm %.3f s, %.0f iterations/s, %.1f us/iteration%n",
                XOR_STEPS,
                cold,
                median,
                XOR_STEPS / median,
                median / XOR_STEPS * 1e6);
        System.out.println("BENCHMARK mlp xor: "
                + paired.map(PairedTiming::describe)
                        .orElse("no same-run PyTorch figure (python3 with torch not found)"));
    }
}
