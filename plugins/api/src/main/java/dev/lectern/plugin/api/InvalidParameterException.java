package dev.lectern.plugin.api;

/** A parameter value was rejected; the message is meant for the person who typed it. */
public class InvalidParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The name of the rejected field, part of the serialized form. */
    private final String field;

    /**
     * Creates the exception.
     *
     * @param field the name of the rejected field
     * @param message what is wrong, written for the user
     */
    public InvalidParameterException(String field, String message) {
        super(message);
        this.field = field;
    }

    /**
     * Returns the name of the rejected field.
     *
     * @return the field name
     */
    public String field() {
        return field;
    }
}
