package dev.lectern.server;

/** The request is understood, but this person may not do it (a student managing accounts); answered with 403. */
public class ForbiddenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is not allowed, for the user
     */
    public ForbiddenException(String message) {
        super(message);
    }
}
