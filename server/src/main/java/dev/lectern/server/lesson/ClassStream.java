package dev.lectern.server.lesson;

import dev.lectern.server.metrics.LiveHub;
import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;

/**
 * One teacher's live class view: follows every active run of the lesson in the live hub (a worker's events arrive
 * there too) and tells the page, as a {@code run} event naming the run, that a curve or a status changed; the page
 * then reads the class again. Points are told at most every {@link #POINTS_EVERY_NANOS}, a status at once, so thirty
 * students' runs stay one small stream.
 */
final class ClassStream {

    static final long POINTS_EVERY_NANOS = 300_000_000L;

    private final SseClient client;
    private final LiveHub hub;
    private final Map<Long, LiveHub.Subscriber> followed = new ConcurrentHashMap<>();
    private final Map<Long, Long> toldAt = new ConcurrentHashMap<>();

    private final LongPredicate active;

    ClassStream(SseClient client, LiveHub hub, LongPredicate active) {
        this.client = client;
        this.hub = hub;
        this.active = active;
    }

    /** Follows a run of the lesson (once); one that ended before it was followed is told at once. */
    void follow(long experimentId) {
        followed.computeIfAbsent(experimentId, id -> {
            LiveHub.Subscriber subscriber = (event, data) -> relay(id, event, data);
            hub.subscribe(id, subscriber);
            return subscriber;
        });
        if (!active.test(experimentId)) {
            send("run", "{\"experimentId\":" + experimentId + ",\"event\":\"status\"}");
            LiveHub.Subscriber gone = followed.remove(experimentId);
            if (gone != null) {
                hub.unsubscribe(experimentId, gone);
            }
        }
    }

    /** Sends one event to the page; false once the page is gone. */
    boolean send(String event, String data) {
        synchronized (client) {
            if (client.terminated()) {
                return false;
            }
            client.sendEvent(event, data);
            return !client.terminated();
        }
    }

    private boolean relay(long id, String event, String data) {
        boolean status = "status".equals(event);
        if (!status && !"metrics".equals(event)) {
            return !client.terminated();
        }
        long now = System.nanoTime();
        Long last = toldAt.get(id);
        if (!status && last != null && now - last < POINTS_EVERY_NANOS) {
            return !client.terminated();
        }
        toldAt.put(id, now);
        boolean ended = status && !(data.contains("\"QUEUED\"") || data.contains("\"RUNNING\""));
        boolean alive = send("run", "{\"experimentId\":" + id + ",\"event\":\"" + event + "\"}");
        if (ended) {
            followed.remove(id);
            return false;
        }
        return alive;
    }

    /** Stops following every run. */
    void close() {
        followed.forEach(hub::unsubscribe);
        followed.clear();
    }
}
