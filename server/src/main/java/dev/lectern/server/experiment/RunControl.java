package dev.lectern.server.experiment;

import dev.lectern.plugin.api.TrainingCancelledException;
import dev.lectern.plugin.api.TrainingControl;
import dev.lectern.plugin.api.view.View;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The {@link TrainingControl} of one server-run experiment: what the control endpoint asks (pause, single steps,
 * resume, live values), what the training loop waits on at its step boundaries, and the events both produce.
 *
 * <p>Pause is a state of a RUNNING run, not a status. A pause event is recorded when the loop reaches the boundary it
 * stops at, so its step is exact; a pause resumed before the loop got there leaves no event. While waiting, the loop
 * wakes every {@link #POLL_MILLIS} to see whether the run was cancelled (or timed out) and whether the pause outlived
 * its limit, counted from the last Pause or Step: then it ends the run, which {@link #expired()} tells. The time spent
 * waiting is {@link #pausedNanos()}, which the time limit leaves out.
 */
public final class RunControl implements TrainingControl {

    /** Receives each event and each change of state, on the thread that caused it, outside the control's lock. */
    interface Listener {
        void changed(RunControl control, RunEvent event);

        /** Receives the lesson pictures the loop drew after {@code updates} steps, on the training thread. */
        default void views(RunControl control, long updates, List<View> views) {}
    }

    static final long POLL_MILLIS = 100;
    /** Pictures of a run training unpaused, at most this often: each costs the plugin a drawing and a row write. */
    static final long VIEWS_RUNNING_NANOS = 2_000_000_000L;
    /** Pictures during a Step of many single steps, at most this often; the last single step always draws. */
    static final long VIEWS_STEPPING_NANOS = 250_000_000L;

    private final Duration pauseLimit;
    private final BooleanSupplier stopAsked;
    private final Listener listener;
    private final Object lock = new Object();

    private volatile boolean paused;
    private volatile long lastAwaited = -1;
    private volatile boolean expired;
    private volatile long liveVersion;
    private volatile long viewsNanos = System.nanoTime();
    private final Map<String, Object> live = new ConcurrentHashMap<>();

    // Guarded by lock.
    private boolean pauseToRecord;
    private volatile long grants;
    private long waitingAt = -1;
    private long lastActionNanos;
    private long waitBeganNanos = -1;
    private long pausedNanos;

    RunControl(Duration pauseLimit, BooleanSupplier stopAsked, Listener listener) {
        this.pauseLimit = pauseLimit;
        this.stopAsked = stopAsked;
        this.listener = listener;
    }

    /** Pauses the run at its next step boundary; a paused run stays paused. */
    void pause() {
        synchronized (lock) {
            if (paused) {
                return;
            }
            paused = true;
            pauseToRecord = true;
            grants = 0;
            lastActionNanos = System.nanoTime();
            lock.notifyAll();
        }
        listener.changed(this, null);
    }

    /**
     * Lets a paused run take n steps, then wait again.
     *
     * @param n at least 1
     * @return false when the run is not paused
     */
    boolean step(long n) {
        RunEvent event;
        synchronized (lock) {
            if (!paused) {
                return false;
            }
            lastActionNanos = System.nanoTime();
            event = pauseToRecord ? null : RunEvent.step(nextStepLocked(), n);
        }
        // Recorded before the loop moves on, so it comes before what the loop records in those steps.
        listener.changed(this, event);
        synchronized (lock) {
            if (paused) {
                grants += n;
                lock.notifyAll();
            }
        }
        listener.changed(this, null);
        return true;
    }

    /** Resumes a paused run; a running one goes on. */
    void resume() {
        RunEvent event;
        synchronized (lock) {
            if (!paused) {
                return;
            }
            event = pauseToRecord ? null : RunEvent.resume(nextStepLocked());
        }
        if (event != null) {
            listener.changed(this, event);
        }
        synchronized (lock) {
            paused = false;
            grants = 0;
            pauseToRecord = false;
            lock.notifyAll();
        }
        listener.changed(this, null);
    }

    /** Sets a live value, already checked; the loop applies it before its next step and reports it. */
    void set(String name, Object value) {
        synchronized (live) {
            live.put(name, value);
            liveVersion++;
        }
    }

    /** Tells whether the run is paused (also while it takes single steps). */
    @Override
    public boolean isPaused() {
        return paused;
    }

    /** The step the loop waits before, or -1 while it trains. */
    long waitingAt() {
        synchronized (lock) {
            return waitingAt;
        }
    }

    /** Whether the run ended because its pause outlived the limit. */
    boolean expired() {
        return expired;
    }

    Duration pauseLimit() {
        return pauseLimit;
    }

    /** Time the loop spent waiting while paused, the wait in progress included. */
    long pausedNanos() {
        synchronized (lock) {
            return pausedNanos + (waitBeganNanos < 0 ? 0 : System.nanoTime() - waitBeganNanos);
        }
    }

    private long nextStepLocked() {
        return waitingAt >= 0 ? waitingAt : lastAwaited + 1;
    }

    @Override
    public void awaitStep(long step) {
        lastAwaited = step;
        if (!paused) {
            return;
        }
        List<RunEvent> events = new ArrayList<>(1);
        boolean arrived = false;
        try {
            synchronized (lock) {
                try {
                    while (paused && grants == 0) {
                        if (pauseToRecord) {
                            pauseToRecord = false;
                            events.add(RunEvent.pause(step));
                        }
                        if (waitingAt != step) {
                            waitingAt = step;
                            waitBeganNanos = System.nanoTime();
                            arrived = true;
                            break;
                        }
                        if (stopAsked.getAsBoolean()) {
                            throw new TrainingCancelledException();
                        }
                        if (System.nanoTime() - lastActionNanos > pauseLimit.toNanos()) {
                            expired = true;
                            throw new TrainingCancelledException();
                        }
                        lock.wait(POLL_MILLIS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TrainingCancelledException();
                } finally {
                    if (!arrived) {
                        leaveLocked();
                    }
                }
                if (!arrived && paused) {
                    grants--;
                }
            }
        } finally {
            for (RunEvent event : events) {
                listener.changed(this, event);
            }
        }
        if (arrived) {
            // The page hears that the run stands still here before the loop blocks.
            listener.changed(this, null);
            awaitStep(step);
        }
    }

    private void leaveLocked() {
        if (waitBeganNanos >= 0) {
            pausedNanos += System.nanoTime() - waitBeganNanos;
        }
        waitBeganNanos = -1;
        waitingAt = -1;
    }

    /**
     * Pictures are wanted while paused at the boundary where the loop will stand still (no single steps left to take),
     * every {@link #VIEWS_STEPPING_NANOS} during a long Step, and every {@link #VIEWS_RUNNING_NANOS} while training.
     * Two volatile reads and a clock read.
     */
    @Override
    public boolean viewsDue() {
        long since = System.nanoTime() - viewsNanos;
        if (paused) {
            return grants == 0 || since > VIEWS_STEPPING_NANOS;
        }
        return since > VIEWS_RUNNING_NANOS;
    }

    @Override
    public void views(long updates, List<View> views) {
        viewsNanos = System.nanoTime();
        listener.views(this, updates, List.copyOf(views));
    }

    @Override
    public long liveVersion() {
        return liveVersion;
    }

    @Override
    public Object liveValue(String name) {
        return live.get(name);
    }

    @Override
    public void applied(String name, long step, Object from, Object to) {
        listener.changed(this, RunEvent.set(step, name, from, to));
    }
}
