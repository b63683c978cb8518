package dev.lectern.server.http;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names a request's {@code Host} header may carry. A DNS-rebinding page reaches this server under the
 * attacker's name, so answering only known names keeps it from reading anything.
 */
final class HostAllowList {

    private final Set<String> names;
    private final boolean anyHost;

    HostAllowList(List<String> names) {
        this.names = Set.copyOf(names.stream()
                .map(n -> stripBrackets(n.toLowerCase(Locale.ROOT)))
                .toList());
        this.anyHost = this.names.contains("*");
    }

    boolean allows(String hostHeader) {
        if (anyHost) {
            return true;
        }
        return hostHeader != null && names.contains(hostName(hostHeader));
    }

    /** The name part of a Host header or URI authority, lower case, without port or IPv6 brackets. */
    static String hostName(String authority) {
        String value = authority.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(1, end);
        }
        int colon = value.indexOf(':');
        // More than one colon is a bare IPv6 address, which has no port.
        return colon >= 0 && value.indexOf(':', colon + 1) < 0 ? value.substring(0, colon) : value;
    }

    private static String stripBrackets(String name) {
        return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    }

    @Override
    public String toString() {
        return String.join(", ", names.stream().sorted().toList());
    }
}
