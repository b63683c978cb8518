package dev.lectern.server;

/** Something the request names does not exist; answered with 404. */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was not found, for the user
     */
    public NotFoundException(String message) {
        super(message);
    }
}
