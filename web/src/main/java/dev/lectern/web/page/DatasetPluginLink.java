package dev.lectern.web.page;

/**
 * A plugin that can train on a data set.
 *
 * @param id the plugin id
 * @param title the plugin's title
 */
public record DatasetPluginLink(String id, String title) {}
