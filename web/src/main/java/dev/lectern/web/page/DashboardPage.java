package dev.lectern.web.page;

import java.util.List;

/**
 * The start page: the plugins and the latest experiments.
 *
 * @param plugins every plugin, loaded or failed
 * @param recent the newest experiments
 */
public record DashboardPage(List<PluginCard> plugins, List<ExperimentRow> recent) {}
