package dev.lectern.plugin.api;

/** Thrown when a metric stops being finite, typically because the learning rate is too large. */
public class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The step at which the loss stopped being finite, part of the serialized form. */
    private final long step;

    /**
     * Creates the exception.
     *
     * @param metric the metric that became NaN or infinite, usually {@code loss}
     * @param step the step at which it happened
     */
    public TrainingDivergedException(String metric, long step) {
        super(metric + " became NaN/Inf at step " + step + " (try a smaller learning rate or scaled features)");
        this.step = step;
    }

    /**
     * Returns the step at which the run diverged.
     *
     * @return the step
     */
    public long step() {
        return step;
    }
}
