package dev.lectern.plugin.charrnn;

import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.testkit.FakeTrainingContext;
import dev.lectern.plugin.testkit.PyTorchReference;
import dev.lectern.plugin.testkit.TestDatasets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Times training steps of the Tiny Shakespeare defaults (LSTM 128, 32 streams × 64 characters, one-hot, clipping 5,
 * Adam 0.005) through the plugin API, the way the server calls it, and runs {@code bench/char_rnn.py}, the same model
 * in PyTorch, when a {@code python3} with torch is installed. Run with {@code mvn -B -o verify -Pbenchmark -pl
 * plugins/char-rnn}; prints figures, asserts nothing. Each side runs twice and the better run counts, because the
 * machine is shared. The ratio is DJL time / PyTorch time: below 1 means the plugin is faster. PyTorch runs with the
 * engine's intra-op thread count; {@code -Dlectern.bench.python=<interpreter>} picks the Python, {@code
 * -Dcharrnn.bench.steps=<n>} the timed steps per run.
 */
@Tag("benchmark")
class CharRnnBenchmark {

    private static final int STEPS = Integer.getInteger("charrnn.bench.steps", 100);
    private static final int WARMUP_STEPS = 10;
    /** PyTorch gets the intra-op threads the engine was given (2 in the benchmark profile). */
    private static final int THREADS = Integer.parseInt(System.getProperty("ai.djl.pytorch.num_threads", "2"));

    private static final Pattern PYTORCH_RATE = Pattern.compile("PYTORCH char-rnn .*?: ([0-9.]+) it/s");

    private final CharRnnPlugin plugin = new CharRnnPlugin();

    @Test
    void lstmOnTinyShakespeare() throws Exception {
        TrainingData data;
        try {
            data = TestDatasets.load("tinyshakespeare");
        } catch (RuntimeException e) {
            System.out.println("BENCH char-rnn lstm tinyshakespeare: skipped, the data set is not available ("
                    + e.getMessage() + ")");
            return;
        }
        Map<String, Object> defaults = plugin.defaultsFor(data.info());
        time(data, defaults, WARMUP_STEPS);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            best = Math.min(best, time(data, defaults, STEPS));
        }
        double djlRate = 1000 / best;
        String model = String.format(
                Locale.ROOT,
                "hidden %s, batch %s, seq %s, Adam %s, clip %s",
                defaults.get("hiddenSize"),
                defaults.get("batchSize"),
                defaults.get("seqLength"),
                defaults.get("learningRate"),
                defaults.get("clipNorm"));
        Optional<String> pytorch = pytorch(defaults);
        Optional<Double> pytorchRate =
                pytorch.map(PYTORCH_RATE::matcher).filter(Matcher::find).map(m -> Double.parseDouble(m.group(1)));
        pytorch.ifPresent(System.out::println);
        System.out.printf(
                Locale.ROOT,
                "BENCH char-rnn lstm tinyshakespeare: %.2f it/s, %.2f s per 100 it, %s (%s; best of 2 "
                        + "runs of %d steps, %d threads)%n",
                djlRate,
                best / 10,
                pytorchRate
                        .map(rate -> String.format(
                                Locale.ROOT, "ratio vs PyTorch 1.13 %.2f (PyTorch %.2f it/s)", rate / djlRate, rate))
                        .orElse("no PyTorch reference (python3 with torch not found)"),
                model,
                STEPS,
                THREADS);
    }

    /** Milliseconds per training step of one run. */
    private double time(TrainingData data, Map<String, Object> defaults, int steps) throws Exception {
        Map<String, Object> values = new HashMap<>(defaults);
        values.put("epochs", 1);
        values.put("stepsPerEpoch", steps);
        values.put("sampleLength", 1);
        ParamValues params = ParamValues.check(plugin.hyperParameters(), values);
        try (TrainedModel model = plugin.train(new FakeTrainingContext(params, data, 42, () -> false))) {
            return model.summary().get("msPerStep");
        }
    }

    private static Optional<String> pytorch(Map<String, Object> defaults) {
        return PyTorchReference.run(
                "char_rnn.py",
                "--data",
                TestDatasets.mirror().toString(),
                "--cell",
                defaults.get("cell").toString(),
                "--hidden",
                defaults.get("hiddenSize").toString(),
                "--batch",
                defaults.get("batchSize").toString(),
                "--seq",
                defaults.get("seqLength").toString(),
                "--lr",
                defaults.get("learningRate").toString(),
                "--clip",
                defaults.get("clipNorm").toString(),
                "--iterations",
                Integer.toString(STEPS),
                "--repeats",
                "2",
                "--threads",
                Integer.toString(THREADS));
    }
}
