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
 */
public record PluginStatus(String source, String id, Optional<LecturePlugin> plugin, Optional<String> error) {

    static PluginStatus loaded(String source, LecturePlugin plugin) {
        return new PluginStatus(source, plugin.descriptor().id(), Optional.of(plugin), Optional.empty());
    }

    static PluginStatus failed(String source, String id, String error) {
        return new PluginStatus(source, id, Optional.empty(), Optional.of(error));
    }

    /** Tells whether the plugin loaded. */
    public boolean isLoaded() {
        return plugin.isPresent();
    }
}
