package dev.lectern.plugin.api;

/** Thrown by a plugin to end a run the user cancelled; the metrics reported so far are kept. */
public class TrainingCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public TrainingCancelledException() {
        super("cancelled by the user");
    }
}
