package dev.lectern.server.http;

import dev.lectern.web.Templates;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Requires the access token on every request when one is set: as a bearer header, or once as {@code ?token=}
 * which then lives in an HTTP-only cookie. Also sets headers that keep pages from being framed or sniffed.
 */
final class AccessControl {

    private static final String COOKIE = "lectern_token";

    private AccessControl() {}

    static void install(Javalin app, Optional<String> token, Templates templates) {
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Referrer-Policy", "same-origin");
            ctx.header("Content-Security-Policy",
                    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");
            if (token.isPresent() && !authorised(ctx, token.get())) {
                ErrorMapping.answer(ctx, templates, 401, "a valid access token is required (Authorization: Bearer …, or ?token=…)", null);
                ctx.skipRemainingHandlers();
            }
        });
    }

    private static boolean authorised(Context ctx, String token) {
        String header = ctx.header("Authorization");
        if (header != null && header.startsWith("Bearer ") && same(header.substring(7).trim(), token)) {
            return true;
        }
        String query = ctx.queryParam("token");
        if (query != null && same(query, token)) {
            Cookie cookie = new Cookie(COOKIE, token);
            cookie.setHttpOnly(true);
            cookie.setSameSite(SameSite.STRICT);
            cookie.setPath("/");
            ctx.cookie(cookie);
            return true;
        }
        String cookie = ctx.cookie(COOKIE);
        return cookie != null && same(cookie, token);
    }

    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
