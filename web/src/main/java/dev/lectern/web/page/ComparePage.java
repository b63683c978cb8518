package dev.lectern.web.page;

import java.util.List;

/**
 * Two to twenty runs side by side: their curves (drawn by the page's script), parameters and final metrics.
 *
 * @param ids the runs' ids as the URL lists them, such as {@code 3,5}
 * @param runs the runs, in the URL's order
 * @param params one row per parameter, with whether the runs differ in it
 * @param metrics one row per metric, with the best run marked
 * @param error why the comparison cannot be shown, empty when it can
 * @param colorOptions the hyperparameters the curves can be coloured by
 * @param colors the curves' colours by a hyperparameter, or null for a colour per run
 * @param colorError why the asked colouring cannot be made, empty when it can
 */
public record ComparePage(
        String ids,
        List<CompareRun> runs,
        List<CompareRow> params,
        List<CompareMetricRow> metrics,
        String error,
        List<String> colorOptions,
        CompareColors colors,
        String colorError) {

    /**
     * A comparison with a colour per run.
     *
     * @param ids the runs' ids as the URL lists them
     * @param runs the runs
     * @param params one row per parameter
     * @param metrics one row per metric
     * @param error why the comparison cannot be shown, empty when it can
     */
    public ComparePage(
            String ids, List<CompareRun> runs, List<CompareRow> params, List<CompareMetricRow> metrics, String error) {
        this(ids, runs, params, metrics, error, List.of(), null, "");
    }

    /**
     * The curves' colours, one per run in order, for the page's script; empty for a colour per run.
     *
     * @return the colours separated by commas
     */
    public String runColors() {
        return colors == null ? "" : String.join(",", colors.runColors());
    }

    /**
     * Curves coloured by a hyperparameter: runs with the same value share a colour.
     *
     * @param param the hyperparameter
     * @param ordered whether its values are numbers, on an ordered scale (smallest first)
     * @param legend each value with its colour and how many of the runs have it, in order
     * @param runColors each run's colour, in the runs' order
     */
    public record CompareColors(String param, boolean ordered, List<ColorKey> legend, List<String> runColors) {}

    /**
     * One value of the colouring hyperparameter.
     *
     * @param value the value, formatted ({@code not set} for runs without it)
     * @param color its colour, as {@code #rrggbb}
     * @param runs how many of the compared runs have it
     */
    public record ColorKey(String value, String color, int runs) {}

    /**
     * One compared run.
     *
     * @param id the id
     * @param name the name
     * @param label the curve label: the one differing parameter's value, or the id and name
     * @param status the status
     */
    public record CompareRun(long id, String name, String label, String status) {}

    /**
     * One parameter across the runs.
     *
     * @param name the parameter
     * @param values its value in each run, empty where a run lacks it
     * @param differs whether the runs differ in it
     */
    public record CompareRow(String name, List<String> values, boolean differs) {}

    /**
     * One metric across the runs.
     *
     * @param name the metric
     * @param higherIsBetter whether best means largest
     * @param cells each run's last and best value
     */
    public record CompareMetricRow(String name, boolean higherIsBetter, List<CompareCell> cells) {}

    /**
     * One run's value of one metric.
     *
     * @param last the last value, formatted, empty when the run lacks the metric
     * @param best the best value and its step, formatted
     * @param winner whether this run has the best value of all
     */
    public record CompareCell(String last, String best, boolean winner) {}
}
