package dev.lectern.server.http;

import dev.lectern.server.access.Viewer;
import dev.lectern.server.account.UserStore;
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
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Guards every request before it is routed: the security headers; the {@code Host} allow-list (against DNS
 * rebinding); same-origin for anything that changes state (against cross-site requests); and, when a token is
 * set, the token as a bearer header or a session cookie. {@code ?token=} on a page opens a session and redirects
 * to the same address without the token, so it stays out of the address bar and history.
 */
public final class AccessControl extends Plugin<Void> {

    /** The session cookie's name. */
    public static final String COOKIE = "lectern_session";
    /** A session's subject when it was opened with the token. */
    public static final String TOKEN_SUBJECT = "token";
    /** A session's subject prefix when a person signed in. */
    public static final String USER_SUBJECT = "user:";
    /** Paths anyone may open when accounts are on: the sign-in page and what it is drawn with. */
    private static final List<String> PUBLIC =
            List.of("/sign-in", "/lang", "/api/session", "/css/", "/js/", "/webjars/", "/vendor/", "/favicon");

    private final HostAllowList hosts;
    private final Optional<byte[]> tokenHash;
    private final SessionStore sessions;
    private final Optional<UserStore> users;
    private final ErrorMapping errors;

    AccessControl(
            HostAllowList hosts,
            Optional<String> token,
            SessionStore sessions,
            Optional<UserStore> users,
            ErrorMapping errors) {
        this.hosts = hosts;
        this.tokenHash = token.map(AccessControl::sha256);
        this.sessions = sessions;
        this.users = users;
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
            refuse(
                    ctx,
                    403,
                    "this server does not answer to the host name '" + host + "'; it answers to " + hosts
                            + " (setting --allowed-hosts)",
                    "Host");
            return;
        }
        if (SameOrigin.changesState(ctx)) {
            Optional<String> refusal = SameOrigin.refusal(ctx);
            if (refusal.isPresent()) {
                refuse(ctx, 403, refusal.get(), "Origin");
                return;
            }
        }
        if (tokenHash.isEmpty() && users.isEmpty()) {
            Viewer.EVERYONE.attachTo(ctx);
            return;
        }
        Optional<Viewer> viewer = viewer(ctx);
        if (viewer.isPresent()) {
            viewer.get().attachTo(ctx);
            return;
        }
        if (users.isPresent() && isPublic(ctx.path())) {
            return;
        }
        if (users.isPresent()
                && !ctx.path().startsWith("/api/")
                && "GET".equals(ctx.req().getMethod())) {
            ctx.redirect(
                    "/sign-in?next="
                            + java.net.URLEncoder.encode(
                                    ctx.path()
                                            + (ctx.req().getQueryString() == null
                                                    ? ""
                                                    : "?" + ctx.req().getQueryString()),
                                    java.nio.charset.StandardCharsets.UTF_8),
                    HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        refuse(
                ctx,
                401,
                users.isPresent()
                        ? "sign in first (POST /api/session with user and password)"
                        : "a valid access token is required (Authorization: Bearer …, or open /?token=… once)",
                null);
    }

    private static boolean isPublic(String path) {
        return PUBLIC.stream()
                .anyMatch(p -> p.endsWith("/") ? path.startsWith(p) : path.equals(p) || path.startsWith(p + "/"));
    }

    /** Who makes the request: a token holder, a session's account, or nobody known. */
    private Optional<Viewer> viewer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && tokenHash.isPresent()) {
            String[] parts = header.trim().split("\\s+", 2);
            // The scheme is case-insensitive (RFC 7235).
            if (parts.length == 2 && parts[0].equalsIgnoreCase("bearer") && isToken(parts[1].trim())) {
                return Optional.of(Viewer.EVERYONE);
            }
        }
        if (tokenHash.isPresent() && tokenLogin(ctx)) {
            return Optional.of(Viewer.EVERYONE);
        }
        Optional<String> subject = sessions.subject(ctx.cookie(COOKIE));
        if (subject.isEmpty()) {
            return Optional.empty();
        }
        if (subject.get().equals(TOKEN_SUBJECT)) {
            return tokenHash.isPresent() ? Optional.of(Viewer.EVERYONE) : Optional.empty();
        }
        if (subject.get().startsWith(USER_SUBJECT) && users.isPresent()) {
            return users.get()
                    .find(subject.get().substring(USER_SUBJECT.length()))
                    .map(u -> new Viewer(u.name(), u.role()));
        }
        return Optional.empty();
    }

    private boolean tokenLogin(Context ctx) {
        String query = ctx.queryParam("token");
        if (query != null && isToken(query) && "GET".equals(ctx.req().getMethod())) {
            ctx.cookie(sessionCookie(ctx, sessions.create(TOKEN_SUBJECT)));
            ctx.redirect(withoutToken(ctx), HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return true;
        }
        return false;
    }

    /**
     * The session cookie for a new session.
     *
     * @param ctx the request, for its scheme
     * @param id the session id
     * @return the cookie
     */
    public static Cookie sessionCookie(Context ctx, String id) {
        Cookie cookie = new Cookie(COOKIE, id);
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        cookie.setPath("/");
        cookie.setMaxAge((int) SessionStore.LIFETIME.toSeconds());
        cookie.setSecure("https".equals(ctx.scheme()));
        return cookie;
    }

    /** The same address without its {@code token} parameter, other parameters kept as they were sent. */
    static String withoutToken(Context ctx) {
        String query = ctx.req().getQueryString();
        String kept = query == null
                ? ""
                : Arrays.stream(query.split("&"))
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
