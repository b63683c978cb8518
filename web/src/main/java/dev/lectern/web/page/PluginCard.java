package dev.lectern.web.page;

/**
 * A plugin as listed on the dashboard.
 *
 * @param id the plugin id, empty for a plugin that failed before it had one
 * @param title the title
 * @param topic the lecture topic
 * @param summary one sentence
 * @param version the plugin version
 * @param loaded whether the plugin loaded
 * @param error why it failed to load, empty when loaded
 */
public record PluginCard(
        String id, String title, String topic, String summary, String version, boolean loaded, String error) {}
