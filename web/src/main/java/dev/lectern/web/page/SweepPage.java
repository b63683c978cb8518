package dev.lectern.web.page;

import java.util.List;

/**
 * A sweep: its grid, progress and runs, and the chosen metric against each swept value.
 *
 * @param id the id
 * @param name the name
 * @param pluginId the plugin id
 * @param pluginTitle the plugin title
 * @param dataset the data set id
 * @param grid each swept hyperparameter with its values, formatted
 * @param done runs that ended
 * @param total runs in the sweep
 * @param active whether any run is still queued or running
 * @param runs the runs, in creation order
 * @param metric the metric the chart and the table's value column show
 * @param metrics the metrics the runs reported, to choose from
 * @param higherIsBetter whether the chosen metric's best is its largest value
 */
public record SweepPage(
        long id,
        String name,
        String pluginId,
        String pluginTitle,
        String dataset,
        List<KeyValue> grid,
        long done,
        long total,
        boolean active,
        List<SweepRun> runs,
        String metric,
        List<String> metrics,
        boolean higherIsBetter) {

    /** The share of runs that ended, 0–100. */
    public int percent() {
        return total == 0 ? 100 : (int) (100 * done / total);
    }

    /**
     * One run of the sweep.
     *
     * @param id the id
     * @param name the name
     * @param status the status
     * @param swept its value of each swept hyperparameter
     * @param best the chosen metric's best value, formatted, empty when none
     * @param last the chosen metric's last value, formatted, empty when none
     */
    public record SweepRun(long id, String name, String status, List<KeyValue> swept, String best, String last) {}
}
