package dev.lectern.server.http;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.sse;

import dev.lectern.server.account.AccountController;
import dev.lectern.server.compare.CompareController;
import dev.lectern.server.dataset.DatasetApiController;
import dev.lectern.server.dataset.DatasetPageController;
import dev.lectern.server.experiment.EventsController;
import dev.lectern.server.experiment.ExperimentApiController;
import dev.lectern.server.experiment.ExperimentPageController;
import dev.lectern.server.history.ExportController;
import dev.lectern.server.lesson.LessonController;
import dev.lectern.server.plugin.PluginApiController;
import dev.lectern.server.plugin.PluginPageController;
import dev.lectern.server.sweep.SweepController;
import dev.lectern.server.system.SystemController;
import dev.lectern.server.worker.WorkersController;
import io.javalin.apibuilder.EndpointGroup;

/** Every route of the server in one place, each to its feature's controller. */
final class Routes {

    /**
     * The controllers the routes lead to.
     *
     * @param plugins plugin pages and the dashboard
     * @param pluginApi the plugins' JSON
     * @param runs the runs table and run pages
     * @param runApi the runs' JSON
     * @param events live updates of a run
     * @param compare comparisons
     * @param exports exports of the runs table
     * @param sweeps sweeps
     * @param datasets data set pages
     * @param datasetApi the data sets' JSON
     * @param accounts signing in, passwords, accounts
     * @param ownership hides other students' runs and sweeps
     * @param lessons lessons, their short links and class views
     * @param system the engine and devices
     * @param workers the nodes that train
     */
    record Controllers(
            PluginPageController plugins,
            PluginApiController pluginApi,
            ExperimentPageController runs,
            ExperimentApiController runApi,
            EventsController events,
            CompareController compare,
            ExportController exports,
            SweepController sweeps,
            DatasetPageController datasets,
            DatasetApiController datasetApi,
            AccountController accounts,
            Ownership ownership,
            LessonController lessons,
            SystemController system,
            WorkersController workers) {}

    private Routes() {}

    static EndpointGroup of(Controllers c) {
        return () -> {
            // Another student's run or sweep is 404 on every route that names it, before the route runs.
            for (String path : new String[] {
                "/api/experiments/{id}", "/api/experiments/{id}/*", "/experiments/{id}", "/experiments/{id}/*"
            }) {
                before(path, c.ownership()::experiment);
            }
            for (String path :
                    new String[] {"/api/sweeps/{id}", "/api/sweeps/{id}/*", "/sweeps/{id}", "/sweeps/{id}/*"}) {
                before(path, c.ownership()::sweep);
            }
            for (String path :
                    new String[] {"/api/datasets/{id}", "/api/datasets/{id}/*", "/datasets/{id}", "/datasets/{id}/*"}) {
                before(path, c.ownership()::dataset);
            }
            get("/sign-in", c.accounts()::signInPage);
            post("/sign-in", c.accounts()::signInForm);
            post("/sign-out", c.accounts()::signOut);
            get("/api/session", c.accounts()::session);
            post("/api/session", c.accounts()::signInApi);
            delete("/api/session", c.accounts()::signOut);
            get("/account/password", c.accounts()::passwordPage);
            post("/account/password", c.accounts()::passwordForm);
            get("/users", c.accounts()::usersPage);
            post("/users", c.accounts()::usersForm);
            get("/api/users", c.accounts()::listUsers);
            post("/api/users", c.accounts()::createUser);
            post("/api/users/{name}/reset", c.accounts()::resetUser);
            post("/users/{name}/reset", c.accounts()::resetUserForm);

            get("/lessons", c.lessons()::listPage);
            get("/lessons/new", c.lessons()::newLessonPage);
            post("/lessons", c.lessons()::createForm);
            post("/lessons/import/{name}", c.lessons()::importSample);
            post("/lessons/{id}/open", c.lessons()::openForm);
            post("/lessons/{id}/close", c.lessons()::openForm);
            get("/lessons/{id}/class", c.lessons()::classPage);
            get("/l/{code}", c.lessons()::lessonPage);
            post("/l/{code}/run", c.lessons()::run);
            post("/api/l/{code}/run", c.lessons()::runApi);
            post("/api/lessons", c.lessons()::create);
            get("/api/lessons", c.lessons()::list);
            get("/api/lessons/{id}", c.lessons()::get);
            post("/api/lessons/{id}/open", c.lessons()::open);
            post("/api/lessons/{id}/close", c.lessons()::close);
            get("/api/lessons/{id}/class", c.lessons()::classView);
            get("/api/lessons/{id}/class.csv", c.lessons()::classCsv);
            before("/api/lessons/{id}/events", c.lessons()::beforeEvents);
            sse("/api/lessons/{id}/events", c.lessons()::events);

            VendorAssets vendor = new VendorAssets();
            get("/vendor/{library}/<path>", vendor::serve);

            get("/", c.plugins()::dashboard);
            get("/plugins", c.plugins()::plugins);
            post("/plugins/rescan", c.plugins()::rescan);
            get("/plugins/{id}", c.plugins()::plugin);
            post("/plugins/{id}/experiments", c.plugins()::run);
            get("/api/plugins", c.pluginApi()::plugins);
            post("/api/plugins/rescan", c.pluginApi()::rescan);

            get("/experiments", c.runs()::experiments);
            get("/experiments/{id}", c.runs()::experiment);
            post("/experiments/{id}/cancel", c.runs()::cancel);
            post("/experiments/{id}/branch", c.runs()::branchForm);
            post("/experiments/{id}/predict", c.runs()::predict);
            post("/experiments/{id}/describe", c.runs()::describeForm);
            post("/experiments/{id}/delete", c.runs()::deleteForm);

            post("/api/experiments", c.runApi()::create);
            get("/api/experiments", c.runApi()::list);
            // Before /api/experiments/{id}, which would take "export.csv" for an id.
            get("/api/experiments/export.csv", c.exports()::exportCsv);
            get("/api/experiments/export.json", c.exports()::exportJson);
            get("/api/experiments/metrics.csv", c.exports()::exportMetrics);
            get("/api/experiments/{id}", c.runApi()::get);
            patch("/api/experiments/{id}", c.runApi()::describe);
            delete("/api/experiments/{id}", c.runApi()::delete);
            get("/api/experiments/{id}/artifacts.zip", c.runApi()::artifacts);
            get("/api/experiments/{id}/metrics", c.runApi()::metrics);
            get("/api/experiments/{id}/texts", c.runApi()::texts);
            get("/api/experiments/{id}/live-views", c.runApi()::liveViews);
            before("/api/experiments/{id}/events", c.events()::beforeStream);
            sse("/api/experiments/{id}/events", c.events()::stream);
            post("/api/experiments/{id}/cancel", c.runApi()::cancel);
            post("/api/experiments/{id}/branch", c.runApi()::branch);
            post("/api/experiments/{id}/control", c.runApi()::control);
            post("/api/experiments/{id}/gradient-check", c.runApi()::gradientCheck);
            post("/api/experiments/{id}/predict", c.runApi()::predict);

            get("/compare", c.compare()::page);
            get("/api/compare", c.compare()::api);

            post("/plugins/{id}/sweeps", c.sweeps()::createForm);
            get("/sweeps/{id}", c.sweeps()::page);
            post("/sweeps/{id}/cancel", c.sweeps()::cancelForm);
            post("/api/sweeps", c.sweeps()::create);
            get("/api/sweeps/{id}", c.sweeps()::get);
            post("/api/sweeps/{id}/cancel", c.sweeps()::cancel);

            get("/datasets", c.datasets()::index);
            post("/datasets", c.datasets()::create);
            get("/datasets/{id}", c.datasets()::show);
            post("/datasets/{id}/delete", c.datasets()::delete);
            get("/api/datasets", c.datasetApi()::list);
            post("/api/datasets", c.datasetApi()::create);
            get("/api/datasets/{id}", c.datasetApi()::get);
            get("/api/datasets/{id}/columns", c.datasetApi()::columns);
            delete("/api/datasets/{id}", c.datasetApi()::delete);

            get("/system", c.system()::page);
            get("/api/system", c.system()::api);
            get("/workers", c.workers()::page);
            get("/api/workers", c.workers()::api);
        };
    }
}
