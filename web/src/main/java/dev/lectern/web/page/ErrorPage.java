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
}
