package dev.lectern.web.page;

/**
 * A readable error page; never a stack trace.
 *
 * @param status the HTTP status
 * @param message what went wrong, for the user
 */
public record ErrorPage(int status, String message) {}
