package dev.lectern.server.http;

import dev.lectern.server.session.SessionStore;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.plugin.Plugin;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Guards every request before it is routed: the security headers; the {@code Host} allow-list (against DNS
 * rebinding); same-origin for anything that changes state (against cross-site requests); and, when a token is
 * set, the token as a bearer header or a session cookie. {@code ?token=} on a page opens a session and redirects
 * to the same address without the token, so it stays out of the address bar and history.
 */
final class AccessControl extends Plugin<Void> {

    static final String COOKIE = "lectern_session";
    private static final String TOKEN_SUBJECT = "token";

    private final HostAllowList hosts;
    private final Optional<byte[]> tokenHash;
    private final SessionStore sessions;
    private final ErrorMapping errors;

    AccessControl(HostAllowList hosts, Optional<String> token, SessionStore sessions, ErrorMapping errors) {
        this.hosts = hosts;
        this.tokenHash = token.map(AccessControl::sha256);
        this.sessions = sessions;
        this.errors = errors;
    }

    @Override
    public void onInitialize(JavalinConfig config) {
        config.router.mount(router -> router.before(this::check));
    }

    private void check(Context ctx) {
        SecurityHeaders.apply(ctx::header);
        String host = ctx.header("Host");
        if (!hosts.allows(host)) {
            refuse(ctx, 403, "this server does not answer to the host name '" + host + "'; it answers to " + hosts
                    + " (setting --allowed-hosts)", "Host");
            return;
        }
        if (SameOrigin.changesState(ctx)) {
            Optional<String> refusal = SameOrigin.refusal(ctx);
            if (refusal.isPresent()) {
                refuse(ctx, 403, refusal.get(), "Origin");
                return;
            }
        }
        if (tokenHash.isPresent() && !authorised(ctx)) {
            refuse(ctx, 401, "a valid access token is required (Authorization: Bearer …, or open /?token=… once)", null);
        }
    }

    private boolean authorised(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null) {
            String[] parts = header.trim().split("\\s+", 2);
            // The scheme is case-insensitive (RFC 7235).
            if (parts.length == 2 && parts[0].equalsIgnoreCase("bearer") && isToken(parts[1].trim())) {
                return true;
            }
        }
        String query = ctx.queryParam("token");
        if (query != null && isToken(query) && "GET".equals(ctx.req().getMethod())) {
            Cookie cookie = new Cookie(COOKIE, sessions.create(TOKEN_SUBJECT));
            cookie.setHttpOnly(true);
            cookie.setSameSite(SameSite.STRICT);
            cookie.setPath("/");
            cookie.setMaxAge((int) SessionStore.LIFETIME.toSeconds());
            cookie.setSecure("https".equals(ctx.scheme()));
            ctx.cookie(cookie);
            ctx.redirect(withoutToken(ctx), HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return true;
        }
        return sessions.subject(ctx.cookie(COOKIE)).isPresent();
    }

    /** The same address without its {@code token} parameter, other parameters kept as they were sent. */
    static String withoutToken(Context ctx) {
        String query = ctx.req().getQueryString();
        String kept = query == null ? "" : Arrays.stream(query.split("&"))
                .filter(p -> !p.isEmpty() && !p.equals("token") && !p.startsWith("token="))
                .collect(Collectors.joining("&"));
        return ctx.path() + (kept.isEmpty() ? "" : "?" + kept);
    }

    /** Compares hashes, so the time taken tells nothing about the token, not even its length. */
    private boolean isToken(String given) {
        return MessageDigest.isEqual(sha256(given), tokenHash.orElseThrow());
    }

    private void refuse(Context ctx, int status, String message, String field) {
        errors.answer(ctx, status, message, field);
        ctx.skipRemainingHandlers();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
