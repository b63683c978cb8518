package dev.lectern.server.experiment;

import dev.lectern.server.Json;
import dev.lectern.server.http.Ids;
import dev.lectern.server.http.NotAcceptableException;
import dev.lectern.server.metrics.LiveHub;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.util.HashMap;
import java.util.Map;

/**
 * Server-Sent Events of one experiment. The subscription is registered before the first event is sent, so a
 * browser that loads the history after receiving that first {@code status} event misses nothing.
 */
public final class EventsController {

    private final ExperimentService experiments;
    private final LiveHub hub;
    private final Json json;

    public EventsController(ExperimentService experiments, LiveHub hub, Json json) {
        this.experiments = experiments;
        this.hub = hub;
        this.json = json;
    }

    /**
     * Answers before the stream opens: 404 for a run that does not exist (an open stream would say 200), and 406 for
     * a client that does not accept exactly text/event-stream, the only kind Javalin streams to.
     */
    public void beforeStream(Context ctx) {
        experiments.get(Ids.experimentId(ctx));
        if (!"text/event-stream".equals(ctx.header("Accept"))) {
            throw new NotAcceptableException(
                    "this endpoint streams Server-Sent Events: send 'Accept: text/event-stream'");
        }
    }

    public void stream(SseClient client) {
        long id = Ids.experimentId(client.ctx());
        experiments.get(id);
        LiveHub.Subscriber subscriber = (event, data) -> {
            synchronized (client) {
                if (client.terminated()) {
                    return false;
                }
                client.sendEvent(event, data);
                if ("status".equals(event) && isFinal(data)) {
                    client.close();
                    return false;
                }
                return !client.terminated();
            }
        };
        client.keepAlive();
        client.onClose(() -> hub.unsubscribe(id, subscriber));
        hub.subscribe(id, subscriber);
        Experiment current = experiments.get(id);
        Map<String, Object> progress = Map.of("done", current.progressDone(), "total", current.progressTotal());
        Map<String, Object> status = new HashMap<>();
        status.put("status", current.status().name());
        status.put("error", current.error().orElse(null));
        if (subscriber.send("progress", json.write(progress))) {
            if (!subscriber.send("status", json.write(status))) {
                hub.unsubscribe(id, subscriber);
            }
        }
    }

    private static boolean isFinal(String statusJson) {
        return !(statusJson.contains("\"QUEUED\"") || statusJson.contains("\"RUNNING\""));
    }
}
