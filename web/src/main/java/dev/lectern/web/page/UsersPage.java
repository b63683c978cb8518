package dev.lectern.web.page;

import java.util.List;

/**
 * The teacher's accounts page.
 *
 * @param users every account
 * @param created accounts just added, with their one-time passwords (shown once)
 * @param error why the last request was refused, or empty
 */
public record UsersPage(List<KeyValue> users, List<KeyValue> created, String error) {}
