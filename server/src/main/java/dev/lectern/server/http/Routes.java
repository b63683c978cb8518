package dev.lectern.server.http;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.sse;

import dev.lectern.server.dataset.DatasetApiController;
import dev.lectern.server.dataset.DatasetPageController;
import io.javalin.apibuilder.EndpointGroup;

/** Every route of the server in one place. */
final class Routes {

    private Routes() {}

    static EndpointGroup of(ApiController api, EventsController events, PageController pages,
            DatasetApiController datasetApi, DatasetPageController datasetPages, HistoryController history,
            ComparePageController compare, SweepController sweeps) {
        return () -> {
            get("/", pages::dashboard);
            get("/plugins", pages::plugins);
            post("/plugins/rescan", pages::rescan);
            get("/plugins/{id}", pages::plugin);
            post("/plugins/{id}/experiments", pages::run);
            get("/experiments", pages::experiments);
            get("/experiments/{id}", pages::experiment);
            post("/experiments/{id}/cancel", pages::cancel);
            post("/experiments/{id}/predict", pages::predict);
            post("/experiments/{id}/describe", history::describeForm);
            post("/experiments/{id}/delete", history::deleteForm);
            get("/compare", compare::page);
            post("/plugins/{id}/sweeps", sweeps::createForm);
            get("/sweeps/{id}", sweeps::page);
            post("/sweeps/{id}/cancel", sweeps::cancelForm);
            post("/api/sweeps", sweeps::create);
            get("/api/sweeps/{id}", sweeps::get);
            post("/api/sweeps/{id}/cancel", sweeps::cancel);

            get("/api/plugins", api::plugins);
            post("/api/plugins/rescan", api::rescan);
            get("/datasets", datasetPages::index);
            post("/datasets", datasetPages::create);
            get("/datasets/{id}", datasetPages::show);
            post("/datasets/{id}/delete", datasetPages::delete);

            get("/api/datasets", datasetApi::list);
            post("/api/datasets", datasetApi::create);
            get("/api/datasets/{id}", datasetApi::get);
            get("/api/datasets/{id}/columns", datasetApi::columns);
            delete("/api/datasets/{id}", datasetApi::delete);
            post("/api/experiments", api::create);
            get("/api/experiments", api::list);
            // Before /api/experiments/{id}, which would take "export.csv" for an id.
            get("/api/experiments/export.csv", history::exportCsv);
            get("/api/experiments/export.json", history::exportJson);
            get("/api/experiments/metrics.csv", history::exportMetrics);
            get("/api/compare", history::compare);
            get("/api/experiments/{id}", api::get);
            patch("/api/experiments/{id}", history::describe);
            delete("/api/experiments/{id}", history::delete);
            get("/api/experiments/{id}/artifacts.zip", history::artifacts);
            get("/api/experiments/{id}/metrics", api::metrics);
            get("/api/experiments/{id}/texts", api::texts);
            before("/api/experiments/{id}/events", events::beforeStream);
            sse("/api/experiments/{id}/events", events::stream);
            post("/api/experiments/{id}/cancel", api::cancel);
            post("/api/experiments/{id}/predict", api::predict);
        };
    }
}
