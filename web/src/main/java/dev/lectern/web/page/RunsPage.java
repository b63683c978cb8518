package dev.lectern.web.page;

import java.util.List;

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
 */
public record RunsPage(
        List<RunRow> rows,
        Pager pager,
        RunFilters filters,
        List<KeyValue> plugins,
        List<String> datasets,
        List<String> statuses,
        List<String> metrics,
        String error) {

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
