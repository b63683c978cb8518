package dev.lectern.server.http;

import dev.lectern.datasets.DatasetService;
import dev.lectern.server.DeviceResolver;
import dev.lectern.server.Json;
import dev.lectern.server.Settings;
import dev.lectern.server.account.AccountController;
import dev.lectern.server.account.UserStore;
import dev.lectern.server.compare.CompareController;
import dev.lectern.server.compare.CompareService;
import dev.lectern.server.dataset.DatasetAccess;
import dev.lectern.server.dataset.DatasetApiController;
import dev.lectern.server.dataset.DatasetPageController;
import dev.lectern.server.dataset.DatasetUploads;
import dev.lectern.server.experiment.EventsController;
import dev.lectern.server.experiment.ExperimentApiController;
import dev.lectern.server.experiment.ExperimentPageController;
import dev.lectern.server.experiment.ExperimentService;
import dev.lectern.server.experiment.ExperimentViews;
import dev.lectern.server.experiment.RecentRuns;
import dev.lectern.server.history.ExportController;
import dev.lectern.server.lesson.LessonController;
import dev.lectern.server.lesson.LessonService;
import dev.lectern.server.metrics.LiveHub;
import dev.lectern.server.metrics.MetricsRepository;
import dev.lectern.server.plugin.PluginApiController;
import dev.lectern.server.plugin.PluginManager;
import dev.lectern.server.plugin.PluginPageController;
import dev.lectern.server.session.SessionStore;
import dev.lectern.server.sweep.SweepController;
import dev.lectern.server.sweep.SweepService;
import dev.lectern.server.system.SystemController;
import dev.lectern.server.worker.WorkersController;
import dev.lectern.web.Templates;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.Optional;

/** Builds the Javalin app: static assets, routes, errors and access control. */
public final class HttpServer {

    private HttpServer() {}

    /** Makes the workers' controller once the page renderer exists. */
    @FunctionalInterface
    public interface WorkersControllerFactory {
        /**
         * Makes it.
         *
         * @param templates the page renderer
         * @return the controller
         */
        WorkersController create(Templates templates);
    }

    /**
     * Creates and starts the app.
     *
     * @return the running app
     */
    public static Javalin start(
            Settings settings,
            ExperimentService experiments,
            SweepService sweeps,
            MetricsRepository metrics,
            PluginManager plugins,
            DatasetService datasets,
            DatasetUploads uploads,
            LiveHub hub,
            Json json,
            SessionStore sessions,
            UserStore users,
            DatasetAccess datasetAccess,
            LessonService lessons,
            DeviceResolver devices,
            WorkersControllerFactory workers) {
        Templates templates = new Templates(PageLanguage::current);
        ErrorMapping errors = new ErrorMapping(templates);
        JettyErrors jettyErrors = new JettyErrors(errors, json.mapper());
        ExperimentViews views = new ExperimentViews(
                json,
                plugin -> plugins.find(plugin)
                        .map(dev.lectern.plugin.api.LecturePlugin::checksGradients)
                        .orElse(false));
        RecentRuns recent = new RecentRuns(experiments, metrics, plugins, views);
        Routes.Controllers controllers = new Routes.Controllers(
                new PluginPageController(plugins, experiments, recent, datasets, templates, datasetAccess),
                new PluginApiController(plugins),
                new ExperimentPageController(experiments, metrics, plugins, datasets, templates, views, recent),
                new ExperimentApiController(experiments, metrics, plugins, json),
                new EventsController(experiments, hub, json),
                new CompareController(new CompareService(experiments, metrics, json, plugins::find), templates),
                new ExportController(experiments, metrics, json),
                new SweepController(sweeps, experiments, metrics, plugins, json, templates),
                new DatasetPageController(datasets, uploads, plugins, templates, datasetAccess),
                new DatasetApiController(datasets, uploads, plugins, datasetAccess),
                new AccountController(users, sessions, Clock.systemUTC(), templates, json),
                new Ownership(experiments, sweeps, datasetAccess),
                new LessonController(lessons, experiments, metrics, datasets, templates, json, hub),
                new SystemController(devices, settings.device(), templates),
                workers.create(templates));
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json.mapper(), false));
            config.staticFiles.add("/public", Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            config.http.maxRequestSize = 1_000_000L;
            // Uploads bypass maxRequestSize (which bounds bodies read whole): Jetty streams multipart bodies, spools
            // file parts over 256 KB to disk and stops at these caps; UploadRequest refuses a larger declared length
            // before reading any of it.
            config.jetty.multipartConfig.cacheDirectory(uploads.incomingDir().toString());
            config.jetty.multipartConfig.maxFileSize(uploads.maxBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(
                    uploads.maxBytes() + DatasetUploads.MULTIPART_SLACK, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(256, SizeUnit.KB);
            // First, so that even a refusal's page is in the reader's language.
            config.registerPlugin(new PageLanguage());
            // Registered before the routes, so no route (nor its own before handler) runs for a refused request.
            config.registerPlugin(new AccessControl(
                    new HostAllowList(settings.allowedHosts()),
                    settings.token(),
                    sessions,
                    settings.accounts() ? Optional.of(users) : Optional.empty(),
                    errors));
            config.registerPlugin(errors);
            config.jetty.modifyServer(server -> server.setErrorHandler(jettyErrors));
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(jettyErrors));
            config.router.apiBuilder(Routes.of(controllers));
        });
        return app.start(settings.host(), settings.port());
    }
}
