package dev.lectern.server.experiment;

import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.TrainedModel;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a plugin's {@code train} on its own thread and watches it, so a plugin that ignores cancellation or runs past
 * the time limit cannot hold a worker forever: after a grace period its thread is abandoned (interrupted, left to
 * finish alone, its late result closed) and the worker moves on to the next experiment.
 */
public final class WatchedTraining {

    /** How long a plugin may take to notice a cancellation or the time limit before it is abandoned. */
    static final Duration GRACE = Duration.ofSeconds(10);

    /** Why the watch ended a run the plugin did not end itself. */
    static final class Abandoned extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean timedOut;

        Abandoned(String message, boolean timedOut) {
            super(message);
            this.timedOut = timedOut;
        }

        boolean timedOut() {
            return timedOut;
        }
    }

    private final ExecutorService threads;
    private final Duration timeLimit;

    /**
     * Creates the watch.
     *
     * @param threads where each training runs, so a plugin that ignores cancellation can be abandoned
     * @param timeLimit the longest a run may train
     */
    public WatchedTraining(ExecutorService threads, Duration timeLimit) {
        this.threads = threads;
        this.timeLimit = timeLimit;
    }

    /**
     * Trains and waits. The context's stop flag is raised when the time limit passes, so a well-behaved plugin stops
     * by itself at its next step.
     */
    TrainedModel run(LecturePlugin plugin, RunContext context, AtomicBoolean cancelled, AtomicBoolean timedOut)
            throws Exception {
        AtomicBoolean abandoned = new AtomicBoolean();
        Future<TrainedModel> training = threads.submit(() -> {
            TrainedModel model = plugin.train(context);
            if (abandoned.get()) {
                model.close();
            }
            return model;
        });
        long start = System.nanoTime();
        long stopAskedAt = -1;
        while (true) {
            try {
                return training.get(100, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : new IllegalStateException(e.getCause());
            } catch (TimeoutException stillTraining) {
                long now = System.nanoTime();
                // A paused run's time does not count: the person holding it is not the plugin running late.
                if (!timedOut.get() && now - start - context.control().pausedNanos() > timeLimit.toNanos()) {
                    timedOut.set(true);
                }
                if ((cancelled.get() || timedOut.get()) && stopAskedAt < 0) {
                    stopAskedAt = now;
                } else if (stopAskedAt >= 0 && now - stopAskedAt > GRACE.toNanos()) {
                    abandoned.set(true);
                    training.cancel(true);
                    throw timedOut.get()
                            ? new Abandoned(
                                    "exceeded the time limit of " + describe(timeLimit) + " and did not stop within "
                                            + GRACE.toSeconds() + " s; its training thread was abandoned",
                                    true)
                            : new Abandoned(
                                    "the plugin ignored cancellation for " + GRACE.toSeconds()
                                            + " s; its training thread was abandoned",
                                    false);
                }
            }
        }
    }

    Duration timeLimit() {
        return timeLimit;
    }

    static String describe(Duration d) {
        long s = d.toSeconds();
        return s % 3600 == 0 ? s / 3600 + " h" : s % 60 == 0 ? s / 60 + " min" : s + " s";
    }
}
