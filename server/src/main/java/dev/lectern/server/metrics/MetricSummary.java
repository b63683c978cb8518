package dev.lectern.server.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The last and the extreme values of one metric of one run.
 *
 * @param name the metric's name
 * @param points how many points were reported
 * @param lastStep the step of the last point
 * @param lastValue its value
 * @param minStep the step of the smallest finite value, or null when there was none
 * @param minValue the smallest finite value, or null
 * @param maxStep the step of the largest finite value, or null
 * @param maxValue the largest finite value, or null
 * @param perEpoch whether the metric is measured once per epoch, so its steps are epochs
 */
public record MetricSummary(
        String name,
        long points,
        long lastStep,
        double lastValue,
        Long minStep,
        Double minValue,
        Long maxStep,
        Double maxValue,
        boolean perEpoch) {

    /**
     * Tells whether a larger value of a metric is better, from its name: accuracies, precision, recall, F1 scores,
     * R², throughput and probabilities of the right answer ({@code P(...)}) are; losses, errors, costs, RMSE,
     * perplexity, gradient norms and times are not.
     *
     * @param name the metric's name, such as {@code accuracy/test} or {@code loss}
     * @return true when larger is better
     */
    public static boolean higherIsBetter(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("acc")
                || n.contains("precision")
                || n.contains("recall")
                || n.contains("f1")
                || n.contains("auc")
                || n.contains("r2")
                || n.contains("r²")
                || n.contains("persecond")
                || n.contains("throughput")
                || n.contains("score")
                || n.startsWith("p(")
                || n.contains("probabilit");
    }

    /** The step of the best value, or null when no value was finite. */
    @JsonProperty("bestStep")
    public Long bestStep() {
        return higherIsBetter(name) ? maxStep : minStep;
    }

    /** The best value: the largest for metrics where larger is better, else the smallest; null when none was finite. */
    @JsonProperty("bestValue")
    public Double bestValue() {
        return higherIsBetter(name) ? maxValue : minValue;
    }

    /**
     * Tells in which epoch the best value fell, for the runs table's "best (@ epoch)".
     *
     * @param stepsPerEpoch the run's steps per epoch, when its plugin declared them
     * @return the epoch: a per-epoch metric's own; for a per-step metric the epoch the step lies in (step 0, before
     *     training, is epoch 0); empty when there is no best value or the run's epochs are unknown
     */
    public OptionalLong bestEpoch(Optional<Long> stepsPerEpoch) {
        Long step = bestStep();
        if (step == null) {
            return OptionalLong.empty();
        }
        if (perEpoch) {
            return OptionalLong.of(step);
        }
        return stepsPerEpoch
                .filter(n -> n > 0)
                .map(n -> OptionalLong.of(Math.floorDiv(step + n - 1, n)))
                .orElse(OptionalLong.empty());
    }

    /**
     * Names the metrics measured once per epoch, whose stored steps are epochs.
     *
     * @param summaries one run's metric summaries
     * @return the names of its per-epoch metrics
     */
    public static Set<String> perEpochNames(List<MetricSummary> summaries) {
        return summaries.stream()
                .filter(MetricSummary::perEpoch)
                .map(MetricSummary::name)
                .collect(Collectors.toSet());
    }
}
