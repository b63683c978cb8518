package dev.lectern.server.experiment;

import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.server.QuotaExceededException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Limits on the work people may queue: the runs waiting at once (a sweep counts every combination), and one run's
 * size, epochs x rows, where both are known. Admission and the insert it guards happen under one lock, so a burst
 * of requests cannot overshoot the cap. The owner is where a per-user cap slots in once there are accounts.
 */
public final class QueueQuota {

    /** When a full queue is worth trying again: a lecture model's run takes seconds to minutes. */
    static final int RETRY_AFTER_SECONDS = 30;

    private final ExperimentRepository experiments;
    private final int maxQueued;
    private final int maxQueuedPerUser;
    private final long maxRunExamples;

    /**
     * Creates the limits.
     *
     * @param experiments where queued runs are counted
     * @param maxQueued the most runs waiting at once
     * @param maxRunExamples the most examples one run may pass over (epochs x rows)
     */
    public QueueQuota(ExperimentRepository experiments, int maxQueued, long maxRunExamples) {
        this(experiments, maxQueued, maxQueued, maxRunExamples);
    }

    /**
     * Creates the limits with a cap per account too.
     *
     * @param experiments where queued runs are counted
     * @param maxQueued the most runs waiting at once
     * @param maxQueuedPerUser the most runs one account may have waiting
     * @param maxRunExamples the most examples one run may pass over (epochs x rows)
     */
    public QueueQuota(ExperimentRepository experiments, int maxQueued, int maxQueuedPerUser, long maxRunExamples) {
        this.experiments = experiments;
        this.maxQueued = maxQueued;
        this.maxQueuedPerUser = maxQueuedPerUser;
        this.maxRunExamples = maxRunExamples;
    }

    /**
     * Queues runs if the queue has room for all of them.
     *
     * @param owner the account that asks, or null without accounts
     * @param runs how many runs the request makes
     * @param create makes and queues them
     * @param <T> what it returns
     * @return what {@code create} returned
     * @throws QuotaExceededException naming the limit, when they do not fit
     */
    public synchronized <T> T admit(String owner, int runs, Supplier<T> create) {
        if (owner != null) {
            long mine = experiments.countWithStatus(ExperimentStatus.QUEUED, owner);
            if (mine + runs > maxQueuedPerUser) {
                throw new QuotaExceededException(
                        (runs == 1 ? "you have " : "these " + runs + " runs do not fit: you have ")
                                + mine + " runs waiting and at most " + maxQueuedPerUser + " may wait per person "
                                + "(setting --max-queued-per-user); try again when some have finished",
                        RETRY_AFTER_SECONDS);
            }
        }
        long waiting = experiments.countWithStatus(ExperimentStatus.QUEUED);
        if (waiting + runs > maxQueued) {
            throw new QuotaExceededException(
                    (runs == 1 ? "the queue is full: " : "these " + runs + " runs do not fit: ")
                            + waiting + " runs are waiting and at most " + maxQueued
                            + " may (setting --max-queued); try again when some have finished",
                    RETRY_AFTER_SECONDS);
        }
        return create.get();
    }

    /**
     * Refuses a run whose epochs times rows exceeds the limit. It is a 400, not a 429: waiting does not help.
     *
     * @param values the checked hyperparameters
     * @param rows the data set's rows, when known without reading it
     */
    public void checkSize(ParamValues values, Optional<Integer> rows) {
        if (rows.isEmpty() || !values.has("epochs") || !(values.asMap().get("epochs") instanceof Number epochs)) {
            return;
        }
        long examples = epochs.longValue() * rows.get();
        if (examples > maxRunExamples) {
            throw new InvalidParameterException(
                    "epochs",
                    epochs.longValue() + " epochs over " + rows.get() + " rows are "
                            + examples + " examples, more than one run may train on here (" + maxRunExamples
                            + ", setting --max-run-examples); at most " + Math.max(1, maxRunExamples / rows.get())
                            + " epochs");
        }
    }
}
