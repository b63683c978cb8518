package dev.lectern.server.http;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.sse;

import io.javalin.apibuilder.EndpointGroup;

/** Every route of the server in one place. */
final class Routes {

    private Routes() {}

    static EndpointGroup of(ApiController api, EventsController events, PageController pages) {
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

            get("/api/plugins", api::plugins);
            post("/api/plugins/rescan", api::rescan);
            get("/api/datasets", api::datasets);
            post("/api/experiments", api::create);
            get("/api/experiments", api::list);
            get("/api/experiments/{id}", api::get);
            get("/api/experiments/{id}/metrics", api::metrics);
            before("/api/experiments/{id}/events", EventsController::requireEventStream);
            sse("/api/experiments/{id}/events", events::stream);
            post("/api/experiments/{id}/cancel", api::cancel);
            post("/api/experiments/{id}/predict", api::predict);
        };
    }
}
