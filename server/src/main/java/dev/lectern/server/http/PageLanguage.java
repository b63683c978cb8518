package dev.lectern.server.http;

import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.web.Messages;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.plugin.Plugin;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Chooses each request's UI language: the {@value #COOKIE} cookie that the header's switch sets, else the browser's
 * {@code Accept-Language} (Korean when it prefers Korean to English, English otherwise). Pages are rendered with that
 * language's {@link Messages}, which the templates get as their parameter {@code t}.
 *
 * <p>The switch is a plain link, {@code GET /lang?to=ko&next=/page}: it only sets the cookie and goes back, so it
 * works without JavaScript and changes nothing the same-origin rules guard.
 */
public final class PageLanguage extends Plugin<Void> {

    /** The cookie that keeps the chosen language: {@code en} or {@code ko}. */
    public static final String COOKIE = "lectern_lang";

    private static final String ATTRIBUTE = "lectern.messages";

    private static final Duration KEPT = Duration.ofDays(365);

    // Javalin runs a request's before handlers, its handler and its after handlers on one thread, and templates are
    // rendered there; the renderer reads the request's language from here so that no controller has to pass it.
    private static final ThreadLocal<Messages> CURRENT = new ThreadLocal<>();

    @Override
    public void onInitialize(JavalinConfig config) {
        config.router.mount(router -> {
            router.before(PageLanguage::choose);
            router.after(ctx -> CURRENT.remove());
            router.get("/lang", PageLanguage::switchTo);
        });
    }

    /**
     * Returns the texts of the request being answered on this thread.
     *
     * @return the texts, English outside a request
     */
    public static Messages current() {
        Messages m = CURRENT.get();
        return m == null ? Messages.ENGLISH : m;
    }

    /**
     * Returns the language of a request, for texts that controllers look up themselves (a plugin's bundle).
     *
     * @param ctx the request
     * @return the locale: {@link Locale#KOREAN} or {@link Locale#ENGLISH}
     */
    public static Locale locale(Context ctx) {
        Messages m = ctx.attribute(ATTRIBUTE);
        return (m == null ? Messages.ENGLISH : m).locale();
    }

    /**
     * Returns the texts of a request.
     *
     * @param ctx the request
     * @return the texts
     */
    public static Messages messages(Context ctx) {
        Messages m = ctx.attribute(ATTRIBUTE);
        return m == null ? Messages.ENGLISH : m;
    }

    private static void choose(Context ctx) {
        Messages m = Messages.of(chosen(ctx.cookie(COOKIE), ctx.header("Accept-Language")))
                .returningTo(returnPath(ctx));
        ctx.attribute(ATTRIBUTE, m);
        CURRENT.set(m);
        // The same address answers in two languages; caches must keep them apart.
        ctx.header("Vary", "Accept-Language, Cookie");
        ctx.header("Content-Language", m.lang());
    }

    /**
     * Picks the language from the cookie, else from {@code Accept-Language}.
     *
     * @param cookie the cookie's value, or {@code null}
     * @param acceptLanguage the header, or {@code null}
     * @return {@link Locale#KOREAN} or {@link Locale#ENGLISH}
     */
    static Locale chosen(String cookie, String acceptLanguage) {
        if ("ko".equals(cookie)) {
            return Locale.KOREAN;
        }
        if ("en".equals(cookie)) {
            return Locale.ENGLISH;
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            Locale best = Locale.lookup(ranges, Messages.LANGUAGES);
            return best != null && "ko".equals(best.getLanguage()) ? Locale.KOREAN : Locale.ENGLISH;
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
    }

    /** Where the switch leads back to: this page, or for a form's answer (not a page one can GET) the form's page. */
    private static String returnPath(Context ctx) {
        if ("GET".equals(ctx.req().getMethod())) {
            String query = ctx.req().getQueryString();
            return ctx.path() + (query == null ? "" : "?" + query);
        }
        String referer = ctx.header("Referer");
        if (referer == null) {
            return "/";
        }
        try {
            URI uri = URI.create(referer);
            return uri.getRawPath() == null
                    ? "/"
                    : uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    private static void switchTo(Context ctx) {
        String to = ctx.queryParam("to");
        if (!"en".equals(to) && !"ko".equals(to)) {
            throw new InvalidParameterException("to", "to must be en or ko, got '" + (to == null ? "" : to) + "'");
        }
        Cookie cookie = new Cookie(COOKIE, to);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.LAX);
        cookie.setMaxAge((int) KEPT.toSeconds());
        cookie.setSecure("https".equals(ctx.scheme()));
        ctx.cookie(cookie);
        ctx.redirect(Messages.localPath(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
    }
}
