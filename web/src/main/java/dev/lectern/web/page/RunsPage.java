package dev.lectern.web.page;

import java.util.List;
import java.util.Map;

/**
 * The runs table: one filtered, sorted page of all experiments.
 *
 * @param rows this page's runs
 * @param pager the position in the filtered list
 * @param filters the filters and sort in effect
 * @param plugins the plugins to filter by, as id and title
 * @param datasets the data set ids to filter by
 * @param statuses the statuses to filter by
 * @param metrics the metric names to sort by
 * @param error a problem with the filters, empty when none
 * @param groupOptions the hyperparameters the rows can be grouped by
 * @param groupHeads the group headings, by the id of the row each comes before (empty when not grouped)
 */
public record RunsPage(
        List<RunRow> rows,
        Pager pager,
        RunFilters filters,
        List<KeyValue> plugins,
        List<String> datasets,
        List<String> statuses,
        List<String> metrics,
        String error,
        List<String> groupOptions,
        Map<Long, RunGroupHead> groupHeads) {

    /**
     * The runs table without grouping.
     *
     * @param rows this page's runs
     * @param pager the position in the filtered list
     * @param filters the filters and sort in effect
     * @param plugins the plugins to filter by, as id and title
     * @param datasets the data set ids to filter by
     * @param statuses the statuses to filter by
     * @param metrics the metric names to sort by
     * @param error a problem with the filters, empty when none
     */
    public RunsPage(
            List<RunRow> rows,
            Pager pager,
            RunFilters filters,
            List<KeyValue> plugins,
            List<String> datasets,
            List<String> statuses,
            List<String> metrics,
            String error) {
        this(rows, pager, filters, plugins, datasets, statuses, metrics, error, List.of(), Map.of());
    }

    /**
     * The heading of the group a row starts (or continues at the top of a page), if it starts one.
     *
     * @param rowId the row's run id
     * @return the heading, or null
     */
    public RunGroupHead groupHead(long rowId) {
        return groupHeads.get(rowId);
    }

    /**
     * How many columns the table has, for a group heading that spans them all.
     *
     * @return the number of columns
     */
    public int columns() {
        return owners() ? 13 : 12;
    }

    /**
     * Whether the table shows an owner column and filter: when any run has an owner (accounts on, a teacher's view).
     *
     * @return whether owners are shown
     */
    public boolean owners() {
        return !filters.owner().isEmpty()
                || rows.stream().anyMatch(r -> !r.owner().isEmpty());
    }
}
