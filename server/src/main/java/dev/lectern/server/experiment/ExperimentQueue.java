package dev.lectern.server.experiment;

/**
 * Where created experiments wait for a worker. The local executor is the default; a distributed one can
 * replace it without touching plugins.
 */
public interface ExperimentQueue extends AutoCloseable {

    /**
     * Queues an experiment.
     *
     * @param experimentId the experiment
     * @param owner whose it is (runs are served in turns across owners), or null without accounts
     * @return false when the queue is full
     */
    boolean submit(long experimentId, String owner);

    /**
     * Asks a queued or running experiment to stop.
     *
     * @param experimentId the experiment
     */
    void cancel(long experimentId);

    /** Stops taking work and interrupts workers. */
    @Override
    void close();
}
