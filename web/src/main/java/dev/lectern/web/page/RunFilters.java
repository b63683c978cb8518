package dev.lectern.web.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The runs table's filters and sort as the person set them, and the URLs that change one of them.
 *
 * @param plugin the plugin id, empty for all
 * @param dataset the data set id, empty for all
 * @param status the status, empty for all
 * @param tag the tag, empty for all
 * @param q the free text, empty for none
 * @param sort the sort key, such as {@code id} or {@code best:loss}
 * @param descending whether the sort is descending
 * @param owner the account whose runs alone to show (a teacher's filter), empty for all
 * @param hp conditions on hyperparameters as typed, such as {@code learningRate=0.01, epochs>100}, empty for none
 * @param group the hyperparameter the rows are grouped by, empty for no grouping
 */
public record RunFilters(
        String plugin,
        String dataset,
        String status,
        String tag,
        String q,
        String sort,
        boolean descending,
        String owner,
        String hp,
        String group) {

    /**
     * Filters without hyperparameter conditions or grouping.
     *
     * @param plugin the plugin filter
     * @param dataset the data set filter
     * @param status the status filter
     * @param tag the tag filter
     * @param q the text filter
     * @param sort the sort key
     * @param descending whether the largest comes first
     * @param owner the owner filter
     */
    public RunFilters(
            String plugin,
            String dataset,
            String status,
            String tag,
            String q,
            String sort,
            boolean descending,
            String owner) {
        this(plugin, dataset, status, tag, q, sort, descending, owner, "", "");
    }

    /**
     * Filters without an owner.
     *
     * @param plugin the plugin filter
     * @param dataset the data set filter
     * @param status the status filter
     * @param tag the tag filter
     * @param q the text filter
     * @param sort the sort key
     * @param descending whether the largest comes first
     */
    public RunFilters(
            String plugin, String dataset, String status, String tag, String q, String sort, boolean descending) {
        this(plugin, dataset, status, tag, q, sort, descending, "");
    }

    /** The URL of this view with another sort: the same key again flips the direction. */
    public String sortUrl(String key) {
        boolean desc =
                key.equals(sort) ? !descending : !"name".equals(key) && !"plugin".equals(key) && !"dataset".equals(key);
        return url(key, desc);
    }

    /** The arrow to show beside a column heading: ▲, ▼ or nothing. */
    public String arrow(String key) {
        return key.equals(sort) ? (descending ? " ▼" : " ▲") : "";
    }

    /** {@code aria-sort} of a column heading. */
    public String ariaSort(String key) {
        return key.equals(sort) ? (descending ? "descending" : "ascending") : null;
    }

    /** The URL of this view, for the pager and exports. */
    public String url() {
        return url(sort, descending);
    }

    /** The query string of the filters alone (no sort), for exports. */
    public String filterQuery() {
        List<String> parts = new ArrayList<>();
        add(parts, "plugin", plugin);
        add(parts, "dataset", dataset);
        add(parts, "status", status);
        add(parts, "tag", tag);
        add(parts, "q", q);
        add(parts, "owner", owner);
        add(parts, "hp", hp);
        return String.join("&", parts);
    }

    private String url(String sortKey, boolean desc) {
        String filters = filterQuery();
        // The grouping is part of the view, not of the filters: exports hold the same runs grouped or not.
        String grouped = group == null || group.isEmpty() ? "" : "&group=" + encode(group);
        return "/experiments?" + (filters.isEmpty() ? "" : filters + "&") + "sort=" + encode(sortKey) + "&dir="
                + (desc ? "desc" : "asc") + grouped;
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null && !value.isEmpty()) {
            parts.add(name + "=" + encode(value));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
