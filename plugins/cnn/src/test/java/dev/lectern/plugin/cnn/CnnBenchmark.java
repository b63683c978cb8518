package dev.lectern.plugin.cnn;

import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.testkit.FakeTrainingContext;
import dev.lectern.plugin.testkit.PyTorchReference;
import dev.lectern.plugin.testkit.TestDatasets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Times one MNIST epoch of the default (small) network through the plugin API, after a short warm-up, and compares it
 * with the PyTorch 1.13 figure of perf-baseline.md (22.0 s per epoch for the same model, data, batch and optimizer on
 * this kind of machine). Run with {@code mvn -B -Pbenchmark -pl plugins/cnn verify}; prints figures, asserts nothing.
 */
@Tag("benchmark")
class CnnBenchmark {

    private static final double PYTORCH_SECONDS_PER_EPOCH = 22.0;

    @Test
    void oneMnistEpoch() throws Exception {
        TrainingData data = Mnist.load();
        CnnPlugin plugin = new CnnPlugin();
        // perf-baseline.md's model: conv32-pool-conv64-pool-FC10, Adam 1e-3, batch 100 (the defaults add FC 256 and batch 32).
        Map<String, Object> values = new HashMap<>(plugin.defaultsFor(data.info()));
        values.putAll(Map.of("preset", "custom", "convChannels", "32,64", "fcUnits", 0, "dropout", 0.0, "batchSize", 100,
                "learningRate", 0.001, "lrDecay", 1.0));
        values.put("epochs", 1);
        values.put("trainLimit", 2000);
        train(plugin, values, data); // warm-up: JIT and the allocator's first pages
        values.put("trainLimit", 0);
        FakeTrainingContext context = train(plugin, values, data);
        double seconds = context.recorded().points("secondsPerEpoch").get(0).value();
        double imagesPerSecond = context.recorded().points("imagesPerSecond").get(0).value();
        System.out.printf(Locale.ROOT, "BENCHMARK cnn mnist: %.1f s/epoch, %.0f images/s (conv32-pool-conv64-pool-FC10, Adam 1e-3, batch 100; "
                        + "ratio to PyTorch's %.1f s/epoch from perf-baseline.md: %.2f; LD_PRELOAD=%s)%n",
                seconds, imagesPerSecond, PYTORCH_SECONDS_PER_EPOCH, seconds / PYTORCH_SECONDS_PER_EPOCH,
                System.getenv().getOrDefault("LD_PRELOAD", "none"));
        PyTorchReference.run("mnist.py", "--model", "cnn", "--data", TestDatasets.cache().resolve("mnist").toString())
                .ifPresentOrElse(line -> {
                    double torch = PyTorchReference.value(line, "seconds_per_epoch");
                    System.out.printf(Locale.ROOT, "BENCHMARK cnn mnist: same run, PyTorch %.1f s/epoch; ratio DJL/PyTorch %.2f%n",
                            torch, seconds / torch);
                }, () -> System.out.println("BENCHMARK cnn mnist: no same-run PyTorch figure (python3 with torch not found)"));
    }

    private static FakeTrainingContext train(CnnPlugin plugin, Map<String, Object> values, TrainingData data) throws Exception {
        FakeTrainingContext context = new FakeTrainingContext(ParamValues.check(plugin.hyperParameters(), values), data, 42, () -> false);
        try (TrainedModel model = plugin.train(context)) {
            return context;
        }
    }
}
