package dev.lectern.server;

/** The request is valid but clashes with the current state, such as cancelling a finished run; answered with 409. */
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what clashes, for the user
     */
    public ConflictException(String message) {
        super(message);
    }
}
