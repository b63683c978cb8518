package dev.lectern.web.page;

import java.util.List;

/**
 * The history of experiments, newest first, one page at a time.
 *
 * @param rows this page's experiments
 * @param pager the position in the list
 */
public record ExperimentListPage(List<ExperimentRow> rows, Pager pager) {}
