package dev.lectern.server.http;

/** The client does not accept what the endpoint produces; answered with 406. */
public final class NotAcceptableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotAcceptableException(String message) {
        super(message);
    }
}
