package dev.lectern.plugin.api.gradient;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of one gradient check.
 *
 * @param rows the checked entries, parameter by parameter
 * @param loss the batch's loss at the model's parameters
 * @param batchRows how many examples the batch held
 * @param tolerance the largest relative error that passes
 */
public record GradientCheckReport(List<GradientCheckRow> rows, double loss, int batchRows, double tolerance) {

    /**
     * Copies the rows.
     *
     * @param rows the checked entries, parameter by parameter
     * @param loss the batch's loss at the model's parameters
     * @param batchRows how many examples the batch held
     * @param tolerance the largest relative error that passes
     */
    public GradientCheckReport {
        rows = List.copyOf(rows);
    }

    /**
     * Tells whether every checked entry passed (and there was at least one).
     *
     * @return whether backpropagation agrees with the finite differences
     */
    public boolean passed() {
        return !rows.isEmpty() && rows.stream().allMatch(GradientCheckRow::passed);
    }

    /**
     * Returns the entry with the largest relative error.
     *
     * @return the worst row, empty when nothing was checked
     */
    public Optional<GradientCheckRow> worst() {
        return rows.stream().max(Comparator.comparingDouble(GradientCheckRow::relativeError));
    }

    /**
     * Says in one paragraph what was checked and which entries failed, for test messages and logs.
     *
     * @return the description
     */
    public String describe() {
        String head = String.format(
                Locale.ROOT,
                "gradient check of %d entries on a batch of %d (loss %.6g): %s, worst relative error %s",
                rows.size(),
                batchRows,
                loss,
                passed() ? "passed" : "FAILED",
                worst().map(r -> String.format(Locale.ROOT, "%.3g at %s", r.relativeError(), r.label()))
                        .orElse("none"));
        List<GradientCheckRow> failed =
                rows.stream().filter(r -> !r.passed()).limit(10).toList();
        if (failed.isEmpty()) {
            return head;
        }
        return head
                + " (tolerance "
                + tolerance
                + "); backpropagation disagrees with central differences at "
                + failed.stream()
                        .map(r -> String.format(
                                Locale.ROOT,
                                "%s (analytic %.9g, numeric %.9g, relative error %.3g)",
                                r.label(),
                                r.analytic(),
                                r.numeric(),
                                r.relativeError()))
                        .collect(Collectors.joining(", "));
    }
}
