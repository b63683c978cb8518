package dev.lectern.plugin.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Times a DJL workload and its PyTorch reference in alternation, so that both sides of each ratio ran within seconds
 * of each other. A 2-core VM has slow phases that last tens of seconds (docs/performance.md saw an epoch take 2x as long
 * within one process); timing one side after the other puts such a phase into the ratio, pairing keeps it out of the
 * median.
 */
public final class PairedTiming {

    /**
     * One round: the two sides' seconds.
     *
     * @param djl seconds of the DJL workload
     * @param pytorch seconds of the PyTorch reference
     */
    public record Pair(double djl, double pytorch) {
        /**
         * DJL seconds over PyTorch seconds: above 1 means DJL is slower.
         *
         * @return the ratio
         */
        public double ratio() {
            return djl / pytorch;
        }
    }

    private final List<Pair> pairs;

    private PairedTiming(List<Pair> pairs) {
        this.pairs = List.copyOf(pairs);
    }

    /**
     * Runs {@code rounds} rounds of the DJL workload followed by the PyTorch one.
     *
     * @param rounds how many pairs to time
     * @param djl runs the DJL workload once and returns its seconds
     * @param pytorch runs the reference once and returns its seconds, empty when no PyTorch is installed
     * @return the pairs, empty when PyTorch is not installed
     * @throws Exception when the DJL workload fails
     */
    public static Optional<PairedTiming> measure(int rounds, Callable<Double> djl, Supplier<Optional<Double>> pytorch)
            throws Exception {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            double ours = djl.call();
            Optional<Double> theirs = pytorch.get();
            if (theirs.isEmpty()) {
                return Optional.empty();
            }
            pairs.add(new Pair(ours, theirs.get()));
        }
        return Optional.of(new PairedTiming(pairs));
    }

    /**
     * The pairs in the order they ran.
     *
     * @return the pairs
     */
    public List<Pair> pairs() {
        return pairs;
    }

    /**
     * The median of the rounds' ratios.
     *
     * @return the median ratio
     */
    public double medianRatio() {
        return median(pairs.stream().mapToDouble(Pair::ratio).toArray());
    }

    /**
     * The median of the DJL side's seconds.
     *
     * @return seconds
     */
    public double medianDjl() {
        return median(pairs.stream().mapToDouble(Pair::djl).toArray());
    }

    /**
     * The median of the PyTorch side's seconds.
     *
     * @return seconds
     */
    public double medianPyTorch() {
        return median(pairs.stream().mapToDouble(Pair::pytorch).toArray());
    }

    /**
     * A line for a benchmark's output: every pair, and the median ratio.
     *
     * @return the line
     */
    public String describe() {
        String rounds = pairs.stream()
                .map(p -> String.format(Locale.ROOT, "%.3f/%.3f", p.djl(), p.pytorch()))
                .collect(Collectors.joining(", "));
        return String.format(
                Locale.ROOT,
                "DJL/PyTorch seconds per round %s; median DJL %.3f s, PyTorch %.3f s; "
                        + "median ratio DJL/PyTorch %.2f (%d paired rounds)",
                rounds,
                medianDjl(),
                medianPyTorch(),
                medianRatio(),
                pairs.size());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
