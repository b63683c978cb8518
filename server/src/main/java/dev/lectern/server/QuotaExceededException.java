package dev.lectern.server;

/** A limit on queued work was reached; answered with 429 and a {@code Retry-After} header. */
public class QuotaExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int retryAfterSeconds;

    /**
     * Creates the exception.
     *
     * @param message which limit, for the user
     * @param retryAfterSeconds when trying again may succeed
     */
    public QuotaExceededException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Returns the seconds after which trying again may succeed. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
