package dev.lectern.server.experiment;

/** Where an experiment is in its life. */
public enum ExperimentStatus {
    /** Waiting for a worker. */
    QUEUED,
    /** Training on a worker. */
    RUNNING,
    /** Trained; model and views saved. */
    SUCCEEDED,
    /** Stopped by an error, with a reason. */
    FAILED,
    /** Stopped by the user; metrics so far kept. */
    CANCELLED,
    /** Was running when the server stopped. */
    INTERRUPTED;

    /** Tells whether the experiment can still change by itself. */
    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }
}
