package dev.lectern.web.page;

import java.util.List;

/**
 * The plugins page: every plugin the server found, with where it came from and why it failed to load.
 *
 * @param plugins the plugins, loaded ones first
 */
public record PluginListPage(List<PluginRow> plugins) {

    /** Returns how many failed to load. */
    public long failedCount() {
        return plugins.stream().filter(p -> !p.loaded()).count();
    }
}
