package dev.lectern.web.page;

/**
 * The heading of one group of the runs table grouped by a hyperparameter.
 *
 * @param param the hyperparameter
 * @param value its value in the group, formatted; empty for the runs without it
 * @param runs how many runs of the group the filters match (on every page)
 * @param best the best value in the group of the metric the table sorts by, with its name (such as
 *     {@code best loss 0.0123}), empty when the table sorts by no metric
 * @param continued whether the group began on an earlier page
 */
public record RunGroupHead(String param, String value, long runs, String best, boolean continued) {

    /**
     * The heading's text, such as {@code learningRate = 0.01}.
     *
     * @return the text
     */
    public String title() {
        return value.isEmpty() ? "no " + param : param + " = " + value;
    }
}
