package dev.lectern.server.experiment;

/**
 * Where created experiments wait for a node to train them: the job engine in the shared database
 * ({@code worker.JobEngineQueue}), in one JVM or across machines alike.
 */
public interface ExperimentQueue extends AutoCloseable {

    /** Trains one experiment; reads the flag to know whether it was cancelled. */
    @FunctionalInterface
    interface Trainer {
        /**
         * Runs an experiment to its end.
         *
         * @param experimentId the experiment
         * @param cancelled set when the user cancels
         */
        void run(long experimentId, java.util.concurrent.atomic.AtomicBoolean cancelled);
    }

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
