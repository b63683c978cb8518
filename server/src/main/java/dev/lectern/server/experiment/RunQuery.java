package dev.lectern.server.experiment;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the runs table shows: filters, one sort and one page.
 *
 * @param plugin only runs of this plugin
 * @param dataset only runs on this data set
 * @param status only runs in this status
 * @param tag only runs with this tag
 * @param text only runs whose name or notes contain this text, ignoring case
 * @param sort the column to sort by: {@code id}, {@code name}, {@code plugin}, {@code dataset}, {@code status},
 *     {@code started}, {@code duration}, or a metric as {@code last:<name>} or {@code best:<name>}
 * @param descending whether the largest value comes first
 * @param offset rows to skip
 * @param limit rows to return
 * @param owner only this account's runs, if given
 * @param params only runs whose hyperparameters meet all these conditions
 * @param group the hyperparameter to group rows by (its values in order, the sort within each), if given
 */
public record RunQuery(
        Optional<String> plugin,
        Optional<String> dataset,
        Optional<ExperimentStatus> status,
        Optional<String> tag,
        Optional<String> text,
        String sort,
        boolean descending,
        int offset,
        int limit,
        Optional<String> owner,
        List<ParamCondition> params,
        Optional<String> group) {

    /** A query without hyperparameter conditions or grouping. */
    public RunQuery(
            Optional<String> plugin,
            Optional<String> dataset,
            Optional<ExperimentStatus> status,
            Optional<String> tag,
            Optional<String> text,
            String sort,
            boolean descending,
            int offset,
            int limit,
            Optional<String> owner) {
        this(plugin, dataset, status, tag, text, sort, descending, offset, limit, owner, List.of(), Optional.empty());
    }

    /** The newest runs first, unfiltered. */
    public static RunQuery newest(int offset, int limit) {
        return new RunQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "id",
                true,
                offset,
                limit,
                Optional.empty());
    }

    /**
     * The same filters over another page.
     *
     * @param offset rows to skip
     * @param limit rows to return
     * @return the query
     */
    public RunQuery page(int offset, int limit) {
        return new RunQuery(plugin, dataset, status, tag, text, sort, descending, offset, limit, owner, params, group);
    }

    /**
     * The same filters, narrowed to one owner's runs.
     *
     * @param only the owner, or empty to keep the query as it is
     * @return the query
     */
    public RunQuery ownedBy(Optional<String> only) {
        return only.isEmpty()
                ? this
                : new RunQuery(
                        plugin, dataset, status, tag, text, sort, descending, offset, limit, only, params, group);
    }

    /** Checks the sort key. */
    public RunQuery {
        sort = sort == null || sort.isBlank() ? "id" : sort;
        if (!isColumn(sort) && metric(sort).isEmpty()) {
            throw new IllegalArgumentException("cannot sort by '" + sort + "'");
        }
        text = text.map(String::strip).filter(t -> !t.isEmpty());
        tag = tag.map(t -> t.strip().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty());
        params = params == null ? List.of() : List.copyOf(params);
        group = group == null ? Optional.empty() : group.map(String::strip).filter(g -> !g.isEmpty());
    }

    /** Tells whether the key names a plain column. */
    static boolean isColumn(String sort) {
        return switch (sort) {
            case "id", "name", "plugin", "dataset", "status", "started", "duration" -> true;
            default -> false;
        };
    }

    /** The metric a {@code last:} or {@code best:} key sorts by. */
    static Optional<String> metric(String sort) {
        if ((sort.startsWith("last:") || sort.startsWith("best:")) && sort.length() > 5 && sort.length() <= 105) {
            return Optional.of(sort.substring(5));
        }
        return Optional.empty();
    }
}
