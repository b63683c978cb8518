package dev.lectern.server.plugin;

import dev.lectern.server.ForbiddenException;
import dev.lectern.server.access.Viewer;
import io.javalin.http.Context;
import java.util.List;

/** {@code GET /api/plugins} and {@code POST /api/plugins/rescan}. */
public final class PluginApiController {

    private final PluginManager plugins;

    /**
     * Creates the controller.
     *
     * @param plugins the plugin manager
     */
    public PluginApiController(PluginManager plugins) {
        this.plugins = plugins;
    }

    /** Lists every plugin found, loaded or not. */
    public void plugins(Context ctx) {
        ctx.json(views(plugins.statuses()));
    }

    /** Looks at the plugin folders again and lists the result. */
    public void rescan(Context ctx) {
        if (!Viewer.of(ctx).isTeacher()) {
            throw new ForbiddenException("only a teacher rescans the plugin folders");
        }
        ctx.json(views(plugins.rescan()));
    }

    private List<PluginView> views(List<PluginStatus> statuses) {
        return statuses.stream().map(s -> PluginView.of(s, plugins)).toList();
    }
}
