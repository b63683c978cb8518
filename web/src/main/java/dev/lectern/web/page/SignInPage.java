package dev.lectern.web.page;

/**
 * The sign-in page.
 *
 * @param user the name typed, shown again after a refusal
 * @param next where to go after signing in
 * @param error why the last try was refused, or empty
 */
public record SignInPage(String user, String next, String error) {}
