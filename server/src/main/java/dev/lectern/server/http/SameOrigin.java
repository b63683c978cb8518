package dev.lectern.server.http;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tells a browser's cross-site request from the server's own pages. Browsers send {@code Origin} on every
 * state-changing request and {@code Sec-Fetch-Site} with it; a request with neither comes from a program such as
 * curl, which a web page cannot make, so it passes (and still needs the token where one is set).
 */
final class SameOrigin {

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    private SameOrigin() {}

    static boolean changesState(Context ctx) {
        return UNSAFE.contains(ctx.req().getMethod().toUpperCase(Locale.ROOT));
    }

    /** Why the request is refused, or empty when it comes from this server's own pages or from no browser. */
    static Optional<String> refusal(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            return Optional.of("cross-site requests may not change anything here (Sec-Fetch-Site: " + site + ")");
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return Optional.empty();
        }
        String host = ctx.header("Host");
        if (host == null || !authority(origin).equals(normalise(host))) {
            return Optional.of(
                    "requests from " + origin + " may not change anything here; use this server's own pages");
        }
        return Optional.empty();
    }

    /** The origin's host and port as a Host header would carry them; "null" and malformed origins match nothing. */
    private static String authority(String origin) {
        try {
            URI uri = new URI(origin.trim());
            if (uri.getHost() == null || uri.getScheme() == null) {
                return "\0";
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1
                    || (port == 80 && "http".equalsIgnoreCase(uri.getScheme()))
                    || (port == 443 && "https".equalsIgnoreCase(uri.getScheme()));
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return defaultPort ? host : host + ":" + port;
        } catch (URISyntaxException e) {
            return "\0";
        }
    }

    private static String normalise(String hostHeader) {
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (host.endsWith(":80") || host.endsWith(":443")) {
            return host.substring(0, host.lastIndexOf(':'));
        }
        return host;
    }
}
