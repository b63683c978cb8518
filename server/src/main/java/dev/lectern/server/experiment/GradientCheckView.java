package dev.lectern.server.experiment;

import dev.lectern.plugin.api.gradient.GradientCheckReport;
import dev.lectern.plugin.api.gradient.GradientCheckRow;
import java.util.List;

/**
 * The answer of {@code POST /api/experiments/{id}/gradient-check}.
 *
 * @param id the run
 * @param rows the checked entries
 * @param passed whether every entry is within the tolerance
 * @param tolerance the largest relative error that passes
 * @param worst the largest relative error of any entry
 * @param loss the batch's loss at the saved parameters
 * @param batchRows how many examples of the run's data the loss was computed on
 */
public record GradientCheckView(
        long id, List<Row> rows, boolean passed, double tolerance, double worst, double loss, int batchRows) {

    /**
     * One checked entry.
     *
     * @param parameter the entry as people read it, such as {@code W1[0, 3]}
     * @param name the parameter's name, such as {@code W1}
     * @param index the entry's index within it
     * @param analytic the gradient by backpropagation
     * @param numeric the gradient by central differences
     * @param relativeError |analytic − numeric| / max(|analytic|, |numeric|, the parameter's largest gradient)
     * @param passed whether it is within the tolerance
     */
    public record Row(
            String parameter,
            String name,
            int[] index,
            double analytic,
            double numeric,
            double relativeError,
            boolean passed) {}

    static GradientCheckView of(long id, GradientCheckReport report) {
        return new GradientCheckView(
                id,
                report.rows().stream().map(GradientCheckView::row).toList(),
                report.passed(),
                report.tolerance(),
                report.worst().map(GradientCheckRow::relativeError).orElse(0.0),
                report.loss(),
                report.batchRows());
    }

    private static Row row(GradientCheckRow r) {
        return new Row(r.label(), r.parameter(), r.index(), r.analytic(), r.numeric(), r.relativeError(), r.passed());
    }
}
