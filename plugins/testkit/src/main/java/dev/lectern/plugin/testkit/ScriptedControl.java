package dev.lectern.plugin.testkit;

import dev.lectern.plugin.api.TrainingCancelledException;
import dev.lectern.plugin.api.TrainingControl;
import dev.lectern.plugin.api.view.View;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link TrainingControl} a test drives: pause, grant single steps, resume, cancel, and set live values, at once or
 * when the loop reaches a given step (so a change lands on a known step, whatever the machine's speed). It records
 * every step the loop awaited and every change the loop reported it {@link #applied}. Since API 1.3; since 1.4 it
 * can also ask for the run's lesson pictures at every step ({@link #askForViews}) and records what it was handed.
 */
public final class ScriptedControl implements TrainingControl {

    /**
     * A change the loop reported.
     *
     * @param name the parameter
     * @param step the first step that used the new value
     * @param from the value before
     * @param to the value after
     */
    public record Applied(String name, long step, Object from, Object to) {}

    private final Object lock = new Object();
    private boolean paused;
    private boolean cancelled;
    private long grants;
    private long waitingAt = -1;
    private volatile boolean pausedFlag;
    private volatile long version;
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, Object>> scheduled = new ConcurrentHashMap<>();
    private final List<Long> awaited = new CopyOnWriteArrayList<>();
    private final List<Applied> applied = new CopyOnWriteArrayList<>();
    private volatile boolean askViews;
    private final List<Long> viewsAt = new CopyOnWriteArrayList<>();
    private volatile List<View> lastViews = List.of();

    /**
     * Pauses the run at its next step boundary.
     *
     * @return this
     */
    public ScriptedControl pause() {
        synchronized (lock) {
            paused = true;
            pausedFlag = true;
            grants = 0;
            lock.notifyAll();
        }
        return this;
    }

    /**
     * Lets a paused run take n more steps, then wait again.
     *
     * @param n the steps
     * @return this
     */
    public ScriptedControl step(long n) {
        synchronized (lock) {
            grants += n;
            lock.notifyAll();
        }
        return this;
    }

    /**
     * Resumes a paused run.
     *
     * @return this
     */
    public ScriptedControl resume() {
        synchronized (lock) {
            paused = false;
            pausedFlag = false;
            grants = 0;
            lock.notifyAll();
        }
        return this;
    }

    /**
     * Asks for the run's lesson pictures at every step boundary ({@link TrainingControl#viewsDue()} always true).
     *
     * @return this
     */
    public ScriptedControl askForViews() {
        askViews = true;
        return this;
    }

    /**
     * Returns the optimizer steps after which the loop handed over pictures, in order.
     *
     * @return the updates of each {@link #views} call
     */
    public List<Long> viewsAt() {
        return List.copyOf(viewsAt);
    }

    /**
     * Returns the pictures the loop handed over last.
     *
     * @return the views, empty before any
     */
    public List<View> lastViews() {
        return lastViews;
    }

    @Override
    public boolean viewsDue() {
        return askViews;
    }

    @Override
    public void views(long updates, List<View> views) {
        lastViews = List.copyOf(views);
        viewsAt.add(updates);
    }

    /**
     * Cancels the run: the loop's next (or current) wait throws {@link TrainingCancelledException}.
     *
     * @return this
     */
    public ScriptedControl cancel() {
        synchronized (lock) {
            cancelled = true;
            lock.notifyAll();
        }
        return this;
    }

    /**
     * Sets a live value now; the loop applies it at its next step.
     *
     * @param name the parameter
     * @param value the value
     * @return this
     */
    public ScriptedControl set(String name, Object value) {
        synchronized (values) {
            values.put(name, value);
            version++;
        }
        return this;
    }

    /**
     * Sets a live value when the loop awaits the given step, so the change applies at exactly that step.
     *
     * @param step the step
     * @param name the parameter
     * @param value the value
     * @return this
     */
    public ScriptedControl setAt(long step, String name, Object value) {
        scheduled.computeIfAbsent(step, k -> new ConcurrentHashMap<>()).put(name, value);
        return this;
    }

    /**
     * Waits until the loop waits at a step boundary of the paused run.
     *
     * @param timeout how long to wait
     * @return the step the loop waits before, or -1 when it did not wait within the time
     * @throws InterruptedException when interrupted
     */
    public long awaitWaiting(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (waitingAt < 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return -1;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return waitingAt;
        }
    }

    /**
     * Returns the step the loop waits before now.
     *
     * @return the step, or -1 when it is not waiting
     */
    public long waitingAt() {
        synchronized (lock) {
            return waitingAt;
        }
    }

    /**
     * Returns every step the loop awaited, in order.
     *
     * @return the steps
     */
    public List<Long> awaited() {
        return List.copyOf(awaited);
    }

    /**
     * Returns the changes the loop reported it applied.
     *
     * @return the changes, in order
     */
    public List<Applied> appliedChanges() {
        return List.copyOf(applied);
    }

    @Override
    public void awaitStep(long step) {
        awaited.add(step);
        Map<String, Object> due = scheduled.remove(step);
        if (due != null) {
            due.forEach(this::set);
        }
        synchronized (lock) {
            try {
                while (!cancelled && paused && grants == 0) {
                    waitingAt = step;
                    lock.notifyAll();
                    lock.wait(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TrainingCancelledException();
            } finally {
                waitingAt = -1;
            }
            if (cancelled) {
                throw new TrainingCancelledException();
            }
            if (paused) {
                grants--;
            }
        }
    }

    @Override
    public boolean isPaused() {
        return pausedFlag;
    }

    @Override
    public long liveVersion() {
        return version;
    }

    @Override
    public Object liveValue(String name) {
        return values.get(name);
    }

    @Override
    public void applied(String name, long step, Object from, Object to) {
        applied.add(new Applied(name, step, from, to));
    }
}
