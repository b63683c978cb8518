package dev.lectern.server.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

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
 */
public record MetricSummary(String name, long points, long lastStep, double lastValue, Long minStep, Double minValue,
        Long maxStep, Double maxValue) {

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
        return n.contains("acc") || n.contains("precision") || n.contains("recall") || n.contains("f1")
                || n.contains("auc") || n.contains("r2") || n.contains("r²") || n.contains("persecond")
                || n.contains("throughput") || n.contains("score") || n.startsWith("p(") || n.contains("probabilit");
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
}
