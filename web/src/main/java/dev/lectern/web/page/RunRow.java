package dev.lectern.web.page;

import java.util.List;

/**
 * One run in the runs table.
 *
 * @param id the id
 * @param name the name
 * @param plugin the plugin title
 * @param dataset the data set id
 * @param device the device it trains (or trained) on, such as {@code cpu} or {@code gpu:0}
 * @param status the status name
 * @param started when it started, formatted, empty if it has not
 * @param duration how long it ran, formatted, empty if it has not run
 * @param params the main hyperparameters as {@code name value} pairs, in declaration order
 * @param tags its tags
 * @param metrics the last and best value of each metric it reported
 * @param percent how far it is, 0–100, for active runs
 * @param owner the account that created it, empty without accounts
 */
public record RunRow(
        long id,
        String name,
        String plugin,
        String dataset,
        String device,
        String status,
        String started,
        String duration,
        List<KeyValue> params,
        List<String> tags,
        List<MetricCell> metrics,
        int percent,
        String owner) {

    /**
     * A row without an owner (accounts off).
     *
     * @param id the run
     * @param name its name
     * @param plugin its plugin's title
     * @param dataset its data set
     * @param device its device
     * @param status its status
     * @param started when it started
     * @param duration how long it took
     * @param params its main hyperparameters
     * @param tags its tags
     * @param metrics its metrics' last and best
     * @param percent its progress
     */
    public RunRow(
            long id,
            String name,
            String plugin,
            String dataset,
            String device,
            String status,
            String started,
            String duration,
            List<KeyValue> params,
            List<String> tags,
            List<MetricCell> metrics,
            int percent) {
        this(id, name, plugin, dataset, device, status, started, duration, params, tags, metrics, percent, "");
    }

    /** Tells whether the run is still queued or running, so the page keeps it current. */
    public boolean active() {
        return "QUEUED".equals(status) || "RUNNING".equals(status);
    }
}
