package dev.lectern.server.metrics;

/**
 * One line of text a run reported.
 *
 * @param name what the text is, such as {@code predicted}
 * @param step the step or epoch it belongs to
 * @param text the text, at most {@link dev.lectern.plugin.api.MetricsSink#MAX_TEXT} characters
 */
public record MetricText(String name, long step, String text) {}
