package dev.lectern.plugin.lstm;

import dev.lectern.plugin.testkit.PyTorchReference;
import dev.lectern.plugin.testkit.TestDatasets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Iterations per second of the lab's model on the stock file (defaults: 7x5 windows, LSTM 10, Adam 0.01, 500
 * full-batch iterations) through the plugin API, next to PyTorch 1.13 running the same model from
 * {@code bench/lstm_stock.py} when a python3 with torch is found. Run with
 * {@code mvn -B -o verify -Pbenchmark -pl plugins/lstm-forecaster}; prints figures, asserts nothing.
 * Both sides run one after the other, each twice after a warm-up, and the better run counts: the build machine is
 * shared and noisy.
 */
@Tag("benchmark")
class LstmForecasterBenchmark {

    private static final Pattern PYTORCH_LINE =
            Pattern.compile("PYTORCH .*?: ([0-9.]+) it/s \\((\\d+) it in ([0-9.]+) s");

    @Test
    void stockLabModel() throws Exception {
        Optional<double[]> pytorch = pytorchSeconds();
        double[] seconds = new double[3];
        int iterations = 0;
        for (int run = 0; run < seconds.length; run++) {
            ForecastModel model =
                    StockRuns.train(StockRuns.stock(), Map.of(), 42 + run).model();
            seconds[run] = model.stats().seconds();
            iterations = model.settings().iterations();
        }
        double best = Math.min(seconds[1], seconds[2]);
        String djl = String.format(
                Locale.ROOT,
                "BENCHMARK lstm-forecaster stock 7x5 h10: %.1f it/s (%d it in %.3f s; "
                        + "cold %.3f s, warm %.3f / %.3f s)",
                iterations / best,
                iterations,
                best,
                seconds[0],
                seconds[1],
                seconds[2]);
        if (pytorch.isPresent()) {
            double pt = pytorch.get()[1];
            System.out.printf(
                    Locale.ROOT,
                    "%s; PyTorch 1.13: %.1f it/s (%.3f s); ratio %.2f (DJL time / PyTorch time)%n",
                    djl,
                    pytorch.get()[0] / pt,
                    pt,
                    best / pt);
        } else {
            System.out.println(djl + "; PyTorch: not run (no python3 with torch found)");
        }
    }

    /** Runs the PyTorch script; returns {iterations, seconds} of its better run, or empty without torch. */
    private static Optional<double[]> pytorchSeconds() {
        return PyTorchReference.run(
                        "lstm_stock.py",
                        "--data",
                        TestDatasets.mirror().toAbsolutePath().toString(),
                        "--threads",
                        "2")
                .map(PYTORCH_LINE::matcher)
                .filter(Matcher::find)
                .map(m -> {
                    System.out.println(m.group());
                    return new double[] {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))};
                });
    }
}
