package dev.lectern.server.metrics;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans live experiment events out to subscribers (browsers on Server-Sent Events). */
public final class LiveHub {

    private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);

    /** Receives events of one experiment. */
    public interface Subscriber {
        /**
         * Sends one event; must not block for long.
         *
         * @param event the event name: status, progress or metrics
         * @param json the event's data as JSON
         * @return false when the subscriber is gone and should be dropped
         */
        boolean send(String event, String json);
    }

    /** Receives every event of every run as well, to carry it to another machine (a worker's hub to the web node). */
    public interface Forwarder {
        /**
         * Takes one event; must not block for long.
         *
         * @param experimentId the run
         * @param event the event name
         * @param data the event's data, not yet serialised
         */
        void forward(long experimentId, String event, Object data);
    }

    private final Map<Long, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final Function<Object, String> toJson;
    private volatile Forwarder forwarder;

    /**
     * Creates a hub.
     *
     * @param toJson serialises event data
     */
    public LiveHub(Function<Object, String> toJson) {
        this.toJson = toJson;
    }

    /** Adds a subscriber to an experiment's events. */
    public void subscribe(long experimentId, Subscriber subscriber) {
        subscribers
                .computeIfAbsent(experimentId, k -> ConcurrentHashMap.newKeySet())
                .add(subscriber);
    }

    /** Removes a subscriber. */
    public void unsubscribe(long experimentId, Subscriber subscriber) {
        subscribers.computeIfPresent(experimentId, (k, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    /** Also hands every event to the forwarder from now on. */
    public void forwardTo(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    /** Tells whether anyone listens to an experiment, so publishers can skip building events. */
    public boolean hasSubscribers(long experimentId) {
        return forwarder != null || subscribers.containsKey(experimentId);
    }

    /** Serialises event data as subscribers receive it. */
    public String json(Object data) {
        return toJson.apply(data);
    }

    /** Sends an event to every subscriber of the experiment, dropping those that are gone. */
    public void publish(long experimentId, String event, Object data) {
        Forwarder f = forwarder;
        if (f != null) {
            try {
                f.forward(experimentId, event, data);
            } catch (RuntimeException e) {
                LOG.debug("event {} of experiment {} was not forwarded: {}", event, experimentId, e.toString());
            }
        }
        Set<Subscriber> set = subscribers.get(experimentId);
        if (set == null) {
            return;
        }
        publishJson(experimentId, event, toJson.apply(data));
    }

    /** Sends an already serialised event (one that came from another machine) to the experiment's subscribers. */
    public void publishJson(long experimentId, String event, String json) {
        Set<Subscriber> set = subscribers.get(experimentId);
        if (set == null) {
            return;
        }
        for (Subscriber subscriber : set) {
            boolean alive;
            try {
                alive = subscriber.send(event, json);
            } catch (RuntimeException e) {
                LOG.debug("dropping subscriber of experiment {}: {}", experimentId, e.toString());
                alive = false;
            }
            if (!alive) {
                unsubscribe(experimentId, subscriber);
            }
        }
    }
}
