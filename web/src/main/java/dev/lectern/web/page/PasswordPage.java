package dev.lectern.web.page;

/**
 * The page where a person sets their own password (first, in place of a one-time password).
 *
 * @param user the account
 * @param oneTime whether the current password is a one-time password
 * @param error why the last try was refused, or empty
 */
public record PasswordPage(String user, boolean oneTime, String error) {}
