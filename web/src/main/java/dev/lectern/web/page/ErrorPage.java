package dev.lectern.web.page;

/**
 * A readable error page; never a stack trace.
 *
 * @param status the HTTP status
 * @param message what went wrong, for the user
 */
public record ErrorPage(int status, String message) {

    /** Returns a short heading for the status, such as "Not found". */
    public String heading() {
        return switch (status) {
            case 400 -> "Bad request";
            case 401, 403 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 413 -> "Too large";
            default -> status >= 500 ? "Something went wrong" : "Error";
        };
    }

    /**
     * Returns the key of the heading's text in the UI bundles ({@code error.heading.<key>}), such as {@code notFound}.
     *
     * @return the key
     */
    public String headingKey() {
        return switch (status) {
            case 400 -> "badRequest";
            case 401, 403 -> "notAllowed";
            case 404 -> "notFound";
            case 409 -> "conflict";
            case 413 -> "tooLarge";
            default -> status >= 500 ? "serverError" : "other";
        };
    }
}
