package dev.lectern.server.http;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.sse;

import dev.lectern.server.compare.CompareController;
import dev.lectern.server.dataset.DatasetApiController;
import dev.lectern.server.dataset.DatasetPageController;
import dev.lectern.server.experiment.EventsController;
import dev.lectern.server.experiment.ExperimentApiController;
import dev.lectern.server.experiment.ExperimentPageController;
import dev.lectern.server.history.ExportController;
import dev.lectern.server.plugin.PluginApiController;
import dev.lectern.server.plugin.PluginPageController;
import dev.lectern.server.sweep.SweepController;
import dev.lectern.server.system.SystemController;
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
     * @param system the engine and devices
     */
    record Controllers(PluginPageController plugins, PluginApiController pluginApi, ExperimentPageController runs,
            ExperimentApiController runApi, EventsController events, CompareController compare, ExportController exports,
            SweepController sweeps, DatasetPageController datasets, DatasetApiController datasetApi,
            SystemController system) {}

    private Routes() {}

    static EndpointGroup of(Controllers c) {
        return () -> {
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
            before("/api/experiments/{id}/events", c.events()::beforeStream);
            sse("/api/experiments/{id}/events", c.events()::stream);
            post("/api/experiments/{id}/cancel", c.runApi()::cancel);
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
        };
    }
}
