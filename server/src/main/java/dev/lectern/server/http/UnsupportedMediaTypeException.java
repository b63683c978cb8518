package dev.lectern.server.http;

/** The body is not in the format the endpoint reads; answered with 415 naming {@code Content-Type}. */
final class UnsupportedMediaTypeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnsupportedMediaTypeException(String message) {
        super(message);
    }
}
