package dev.lectern.server.experiment;

import dev.lectern.plugin.api.view.View;
import dev.lectern.server.Json;
import dev.lectern.server.metrics.LiveHub;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controls of the runs training now, by run; each one's events are stored as they happen and sent live as SSE
 * {@code control} events: {@code {"paused":true,"waitingAt":12,"event":{...}}} ({@code waitingAt} null while the
 * run trains, {@code event} null for a change of state alone). The lesson pictures a paused or single-stepped run
 * draws (API 1.4) are kept in {@link LiveViewsRepository} and announced as SSE {@code views} events,
 * {@code {"updates":12}}: the page then reads them from {@code GET /api/experiments/{id}/live-views}, so a worker on
 * another machine reaches it through the database, whatever their size.
 */
public final class RunControls {

    private static final Logger LOG = LoggerFactory.getLogger(RunControls.class);

    /** The default of {@code --pause-limit}. */
    public static final Duration DEFAULT_PAUSE_LIMIT = Duration.ofMinutes(30);

    private final Map<Long, RunControl> active = new ConcurrentHashMap<>();
    private final RunEventsRepository store;
    private final LiveHub hub;
    private final Duration pauseLimit;
    private final LiveViewsRepository pictures;
    private final Json json;

    /**
     * Creates the registry.
     *
     * @param store where events are kept, or null to keep none (tests)
     * @param hub live subscribers, or null
     * @param pauseLimit the longest a run may stay paused (setting {@code --pause-limit})
     */
    public RunControls(RunEventsRepository store, LiveHub hub, Duration pauseLimit) {
        this(store, null, null, hub, pauseLimit);
    }

    /**
     * Creates the registry that also keeps the lesson pictures runs draw while they train.
     *
     * @param store where events are kept, or null to keep none (tests)
     * @param pictures where the newest pictures of each run are kept, or null to keep none
     * @param json writes the pictures as the run's JSON writes views
     * @param hub live subscribers, or null
     * @param pauseLimit the longest a run may stay paused (setting {@code --pause-limit})
     */
    public RunControls(
            RunEventsRepository store, LiveViewsRepository pictures, Json json, LiveHub hub, Duration pauseLimit) {
        this.store = store;
        this.pictures = pictures;
        this.json = json;
        this.hub = hub;
        this.pauseLimit = pauseLimit;
    }

    /** Opens the control of a run that starts training. */
    RunControl open(long id, BooleanSupplier stopAsked) {
        RunControl control = new RunControl(pauseLimit, stopAsked, new RunControl.Listener() {
            @Override
            public void changed(RunControl c, RunEvent event) {
                RunControls.this.changed(id, c, event);
            }

            @Override
            public void views(RunControl c, long updates, List<View> views) {
                RunControls.this.views(id, updates, views);
            }
        });
        active.put(id, control);
        return control;
    }

    /** Forgets the control of a run that ended, and the pictures it drew while it trained. */
    void close(long id) {
        active.remove(id);
        if (pictures != null) {
            try {
                pictures.delete(id);
            } catch (RuntimeException e) {
                LOG.warn("live pictures of experiment {} could not be removed: {}", id, e.getMessage());
            }
        }
    }

    /** The newest pictures a run drew while it trained; none once it ended. */
    public Optional<LiveViewsRepository.Snapshot> liveViews(long id) {
        return pictures == null ? Optional.empty() : pictures.find(id);
    }

    /** The control of a run training now. */
    Optional<RunControl> find(long id) {
        return Optional.ofNullable(active.get(id));
    }

    /**
     * Applies a checked control request to a run training here (sent by the web node when another node trains it).
     *
     * @param id the run
     * @param action pause, resume or step, or null for none
     * @param steps the single steps of {@code step}
     * @param values parameter name to new value, already checked against the plugin's declarations
     * @return false when the run does not train here, or a step was asked while it was not paused
     */
    public boolean apply(long id, String action, long steps, Map<String, Object> values) {
        RunControl control = active.get(id);
        return control != null && apply(control, action, steps, values);
    }

    static boolean apply(RunControl control, String action, long steps, Map<String, Object> values) {
        values.forEach(control::set);
        if ("pause".equals(action)) {
            control.pause();
        } else if ("resume".equals(action)) {
            control.resume();
        } else if ("step".equals(action)) {
            return control.step(steps);
        }
        return true;
    }

    /** Whether a run is paused now; for a run another node trains, as its stored events last said. */
    public boolean paused(long id) {
        RunControl control = active.get(id);
        if (control != null) {
            return control.isPaused();
        }
        List<RunEvent> events = events(id);
        for (int i = events.size() - 1; i >= 0; i--) {
            String kind = events.get(i).kind();
            if (!RunEvent.SET.equals(kind)) {
                return !RunEvent.RESUME.equals(kind);
            }
        }
        return false;
    }

    /** A run's events, oldest first. */
    public List<RunEvent> events(long id) {
        return store == null ? List.of() : store.list(id);
    }

    Duration pauseLimit() {
        return pauseLimit;
    }

    private void views(long id, long updates, List<View> views) {
        if (pictures == null) {
            return;
        }
        try {
            if (!pictures.save(id, updates, json.writeViews(views))) {
                LOG.debug("live pictures of experiment {} after {} steps are too large to keep", id, updates);
                return;
            }
        } catch (RuntimeException e) {
            // A picture is not worth failing a run for (the database restarting, say): the next one may get through.
            LOG.warn("live pictures of experiment {} could not be stored: {}", id, e.getMessage());
            return;
        }
        if (hub != null) {
            hub.publish(id, "views", Map.of("updates", updates));
        }
    }

    private void changed(long id, RunControl control, RunEvent event) {
        if (event != null && store != null) {
            try {
                store.insert(id, event);
            } catch (RuntimeException e) {
                LOG.warn("event {} of experiment {} could not be stored: {}", event, id, e.getMessage());
            }
        }
        if (hub != null) {
            // The HTTP thread (step, pause) and the training thread both publish; reading the state and sending it
            // under one monitor keeps the last event sent the latest state. Without it a Step's answer read "waiting
            // at 12", lost the processor, and was sent after the loop's "waiting at 13", so the page showed 12.
            synchronized (control) {
                Map<String, Object> data = new HashMap<>();
                data.put("paused", control.isPaused());
                long at = control.waitingAt();
                data.put("waitingAt", at < 0 ? null : at);
                data.put("event", event);
                hub.publish(id, "control", data);
            }
        }
    }
}
