package dev.lectern.web.page;

/**
 * One plugin on the plugins page, loaded or not.
 *
 * @param id the plugin id, or the source's name when it failed before it had one
 * @param title the title
 * @param version the plugin version, empty when it failed
 * @param apiVersion the plugin API version it was built for, empty when it failed
 * @param source where it was loaded from: "classpath" or a folder or jar
 * @param loaded whether it loaded
 * @param error why it failed, empty when loaded
 * @param note what the last rescan did with it (reloaded a rebuilt jar, or why not), empty when nothing
 */
public record PluginRow(
        String id,
        String title,
        String version,
        String apiVersion,
        String source,
        boolean loaded,
        String error,
        String note) {}
