package dev.lectern.plugin.testkit;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the contract's learning check ({@code shortRunLearns}) asks of a short run: one metric and one criterion. A
 * plugin's contract test chooses it by overriding {@link LecturePluginContractTest#learningCheck()}; the default,
 * {@code LearningCheck.fallsBy("loss", 0.9)}, fits a model whose loss starts high. A perceptron's criterion can start at
 * 0, so it can never fall by a factor; such a model asks for {@code atLeast("accuracy", 0.9)} or
 * {@code reachesAtMost("loss", 0.05)} instead.
 *
 * <p>The metric is read from the points the run reported (per step or per epoch, in report order); a metric the run
 * never reported is read from the model's summary instead, for the criteria on the last value.
 */
public final class LearningCheck {

    private enum Criterion {
        FALLS_BY,
        AT_MOST,
        AT_LEAST
    }

    private final String metric;
    private final Criterion criterion;
    private final double bound;

    private LearningCheck(String metric, Criterion criterion, double bound) {
        this.metric = Objects.requireNonNull(metric, "metric");
        if (metric.isBlank()) {
            throw new IllegalArgumentException("the metric of a learning check must not be blank");
        }
        if (!Double.isFinite(bound)) {
            throw new IllegalArgumentException("the bound of a learning check must be finite, not " + bound);
        }
        this.criterion = criterion;
        this.bound = bound;
    }

    /**
     * The metric's last value lies below {@code factor} times its first: {@code fallsBy("loss", 0.9)} asks for 10 %
     * less loss at the end than at the start.
     *
     * @param metric the reported metric, e.g. {@code "loss"}
     * @param factor a factor in (0, 1)
     * @return the check
     */
    public static LearningCheck fallsBy(String metric, double factor) {
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("the factor of fallsBy must lie in (0, 1), not " + factor);
        }
        return new LearningCheck(metric, Criterion.FALLS_BY, factor);
    }

    /**
     * The metric's last value is at most {@code max}, whatever it started at (a loss that may start at 0).
     *
     * @param metric the reported metric or summary key
     * @param max the largest value accepted
     * @return the check
     */
    public static LearningCheck reachesAtMost(String metric, double max) {
        return new LearningCheck(metric, Criterion.AT_MOST, max);
    }

    /**
     * The metric's last value is at least {@code min}: {@code atLeast("accuracy", 0.9)}.
     *
     * @param metric the reported metric or summary key
     * @param min the smallest value accepted
     * @return the check
     */
    public static LearningCheck atLeast(String metric, double min) {
        return new LearningCheck(metric, Criterion.AT_LEAST, min);
    }

    /**
     * Returns the metric the check reads.
     *
     * @return its name
     */
    public String metric() {
        return metric;
    }

    /**
     * Says the criterion in words, as failures quote it.
     *
     * @return e.g. {@code "loss falls by a factor: last < 0.9 x first"}
     */
    public String describe() {
        return switch (criterion) {
            case FALLS_BY -> metric + " falls by a factor: last < " + number(bound) + " x first";
            case AT_MOST -> metric + " reaches at most " + number(bound) + ": last <= " + number(bound);
            case AT_LEAST -> metric + " reaches at least " + number(bound) + ": last >= " + number(bound);
        };
    }

    @Override
    public String toString() {
        return describe();
    }

    /**
     * Judges a finished run.
     *
     * @param recorded what the run reported
     * @param summary the trained model's summary
     * @param testClass the contract test's simple name, named in the advice of a failure
     * @return empty when the run passes, else the failure: what was compared, at which steps, and what to override
     */
    public Optional<String> judge(RecordingMetricsSink recorded, Map<String, Double> summary, String testClass) {
        List<RecordingMetricsSink.Point> points = recorded.points(metric);
        String advice = advice(recorded, summary, testClass);
        if (points.isEmpty()) {
            Double value = summary.get(metric);
            if (value == null || criterion == Criterion.FALLS_BY) {
                return Optional.of(String.format(
                        Locale.ROOT,
                        "learning check '%s': the run reported no '%s' points%s. %s",
                        describe(),
                        metric,
                        criterion == Criterion.FALLS_BY
                                ? " (a fall needs at least two)"
                                : " and its summary has no '" + metric + "'",
                        advice));
            }
            return lastValue(value, "in the summary", advice);
        }
        for (RecordingMetricsSink.Point p : points) {
            if (!Double.isFinite(p.value())) {
                return Optional.of(String.format(
                        Locale.ROOT,
                        "learning check '%s': %s at step %d is %s; a run must report finite values",
                        describe(),
                        metric,
                        p.step(),
                        p.value()));
            }
        }
        RecordingMetricsSink.Point last = points.get(points.size() - 1);
        if (criterion != Criterion.FALLS_BY) {
            return lastValue(last.value(), "at step " + last.step(), advice);
        }
        if (points.size() < 2) {
            return Optional.of(String.format(
                    Locale.ROOT,
                    "learning check '%s': the run reported one %s point (%s at step %d); a fall needs at least two. %s",
                    describe(),
                    metric,
                    number(last.value()),
                    last.step(),
                    advice));
        }
        RecordingMetricsSink.Point first = points.get(0);
        double needed = first.value() * bound;
        if (last.value() < needed) {
            return Optional.empty();
        }
        String why = first.value() <= 0
                ? String.format(
                        Locale.ROOT,
                        " The first %s is %s, so no factor can make it fall: choose a criterion that does not depend"
                                + " on the start.",
                        metric,
                        number(first.value()))
                : "";
        return Optional.of(String.format(
                Locale.ROOT,
                "learning check '%s' failed: first %s %s at step %d, last %s at step %d (%d points); needed last < %s"
                        + " x %s = %s.%s %s",
                describe(),
                metric,
                number(first.value()),
                first.step(),
                number(last.value()),
                last.step(),
                points.size(),
                number(bound),
                number(first.value()),
                number(needed),
                why,
                advice));
    }

    private Optional<String> lastValue(double value, String where, String advice) {
        boolean passes = criterion == Criterion.AT_MOST ? value <= bound : value >= bound;
        if (passes) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "learning check '%s' failed: last %s %s %s, needed %s %s. %s",
                describe(),
                metric,
                number(value),
                where,
                criterion == Criterion.AT_MOST ? "<=" : ">=",
                number(bound),
                advice));
    }

    private static String advice(RecordingMetricsSink recorded, Map<String, Double> summary, String testClass) {
        return String.format(
                Locale.ROOT,
                "To choose the metric and criterion that fit the model, override learningCheck() in %s, e.g. return "
                        + "LearningCheck.fallsBy(\"loss\", 0.9), LearningCheck.reachesAtMost(\"loss\", 0.05) or "
                        + "LearningCheck.atLeast(\"accuracy\", 0.9) (metrics reported: %s; summary keys: %s).",
                testClass,
                new TreeSet<>(recorded.all().keySet()),
                new TreeSet<>(summary.keySet()));
    }

    private static String number(double value) {
        return Double.toString(value);
    }
}
