package dev.lectern.server.http;

import dev.lectern.datasets.DatasetService;
import dev.lectern.server.Json;
import dev.lectern.server.Settings;
import dev.lectern.server.experiment.ExperimentService;
import dev.lectern.server.metrics.LiveHub;
import dev.lectern.server.metrics.MetricsRepository;
import dev.lectern.server.plugin.PluginManager;
import dev.lectern.web.Templates;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;

/** Builds the Javalin app: static assets, routes, errors and access control. */
public final class HttpServer {

    private HttpServer() {}

    /**
     * Creates and starts the app.
     *
     * @return the running app
     */
    public static Javalin start(Settings settings, ExperimentService experiments, MetricsRepository metrics,
            PluginManager plugins, DatasetService datasets, LiveHub hub, Json json) {
        Templates templates = new Templates();
        ApiController api = new ApiController(experiments, metrics, plugins, datasets, json);
        EventsController events = new EventsController(experiments, hub, json);
        PageController pages = new PageController(experiments, metrics, plugins, datasets, templates, new PageModels(json));
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json.mapper(), false));
            config.staticFiles.add("/public", Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            config.http.maxRequestSize = 1_000_000L;
            config.router.apiBuilder(Routes.of(api, events, pages));
        });
        AccessControl.install(app, settings.token(), templates);
        ErrorMapping.install(app, templates);
        return app.start(settings.host(), settings.port());
    }
}
