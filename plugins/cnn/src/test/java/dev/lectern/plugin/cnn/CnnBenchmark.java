package dev.lectern.plugin.cnn;

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
 * Times one MNIST epoch of docs/performance.md's network through the plugin API, after a short warm-up, in rounds
 * alternating with the same model, data, batch and optimizer in PyTorch 1.13 ({@code bench/mnist.py}). Run with {@code mvn -B -Pbenchmark -pl plugins/cnn verify}; prints figures, asserts nothing.
 */
@Tag("benchmark")
class CnnBenchmark {

    private static final double PYTORCH_SECONDS_PER_EPOCH = 22.0;
    private static final int ROUNDS = Integer.getInteger("lectern.bench.rounds", 3);

    @Test
    void oneMnistEpoch() throws Exception {
        TrainingData data = Mnist.load();
        CnnPlugin plugin = new CnnPlugin();
        // docs/performance.md's model: conv32-pool-conv64-pool-FC10, Adam 1e-3, batch 100 (the defaults add FC 256 and
        // batch 32).
        Map<String, Object> values = new HashMap<>(plugin.defaultsFor(data.info()));
        values.putAll(Map.of(
                "preset",
                "custom",
                "convChannels",
                "32,64",
                "fcUnits",
                0,
                "dropout",
                0.0,
                "batchSize",
                100,
                "learningRate",
                0.001,
                "lrDecay",
                1.0));
        values.put("epochs", 1);
        values.put("trainLimit", 2000);
        train(plugin, values, data); // warm-up: JIT and the allocator's first pages
        values.put("trainLimit", 0);
        Callable<Double> epoch = () -> train(plugin, values, data)
                .recorded()
                .points("secondsPerEpoch")
                .get(0)
                .value();
        String mnist = TestDatasets.cache().resolve("mnist").toString();
        Optional<PairedTiming> paired = PairedTiming.measure(
                ROUNDS,
                epoch,
                () -> PyTorchReference.run("mnist.py", "--model", "cnn", "--data", mnist, "--repeats", "1")
                        .map(line -> PyTorchReference.value(line, "seconds_per_epoch")));
        double seconds = paired.isPresent() ? paired.get().medianDjl() : epoch.call();
        System.out.printf(
                Locale.ROOT,
                "BENCHMARK cnn mnist: %.1f s/epoch, %.0f images/s (conv32-pool-conv64-pool-FC10, Adam 1e-3, "
                        + "batch 100; docs/performance.md's PyTorch %.1f s/epoch; LD_PRELOAD=%s)%n",
                seconds,
                data.images().train().count() / seconds,
                PYTORCH_SECONDS_PER_EPOCH,
                System.getenv().getOrDefault("LD_PRELOAD", "none"));
        System.out.println("BENCHMARK cnn mnist: "
                + paired.map(PairedTiming::describe)
                        .orElse("no same-run PyTorch figure (python3 with torch not found)"));
    }

    private static FakeTrainingContext train(CnnPlugin plugin, Map<String, Object> values, TrainingData data)
            throws Exception {
        FakeTrainingContext context =
                new FakeTrainingContext(ParamValues.check(plugin.hyperParameters(), values), data, 42, () -> false);
        try (TrainedModel model = plugin.train(context)) {
            return context;
        }
    }
}
