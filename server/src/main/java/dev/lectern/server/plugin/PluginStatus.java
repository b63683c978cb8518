package dev.lectern.server.plugin;

import dev.lectern.plugin.api.LecturePlugin;
import java.util.Optional;

/**
 * The outcome of loading one plugin.
 *
 * @param source where it came from: "classpath" or a directory
 * @param id the plugin id, or the source's name when the plugin failed before it had one
 * @param plugin the loaded plugin, empty when it failed
 * @param error why it failed, empty when loaded
 * @param note what the last rescan did with it, such as reloading a rebuilt jar, empty when nothing
 */
public record PluginStatus(
        String source, String id, Optional<LecturePlugin> plugin, Optional<String> error, Optional<String> note) {

    static PluginStatus loaded(String source, LecturePlugin plugin) {
        return new PluginStatus(
                source, plugin.descriptor().id(), Optional.of(plugin), Optional.empty(), Optional.empty());
    }

    static PluginStatus failed(String source, String id, String error) {
        return new PluginStatus(source, id, Optional.empty(), Optional.of(error), Optional.empty());
    }

    /** The same status with what the last rescan did, or none. */
    PluginStatus noted(String text) {
        return new PluginStatus(source, id, plugin, error, Optional.ofNullable(text));
    }

    /** Tells whether the plugin loaded. */
    public boolean isLoaded() {
        return plugin.isPresent();
    }
}
