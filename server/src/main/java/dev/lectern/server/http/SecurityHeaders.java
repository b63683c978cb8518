package dev.lectern.server.http;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The headers every answer carries, Jetty's own error pages included: no framing, no content sniffing, scripts
 * only from the server itself.
 */
final class SecurityHeaders {

    static final Map<String, String> HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "same-origin",
            "Content-Security-Policy",
                    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                            + "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");

    private SecurityHeaders() {}

    static void apply(BiConsumer<String, String> header) {
        HEADERS.forEach(header);
    }
}
