package dev.lectern.server.http;

import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.server.ConflictException;
import dev.lectern.server.ForbiddenException;
import dev.lectern.server.NotFoundException;
import dev.lectern.server.QuotaExceededException;
import dev.lectern.web.Templates;
import dev.lectern.web.page.ErrorPage;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.plugin.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns exceptions into answers: JSON {@code {"error","field"}} under {@code /api}, a readable page elsewhere,
 * never a stack trace. Javalin's own refusals (no such route, a body over the limit) take the same shape; Jetty's,
 * which come before Javalin sees the request, are shaped by {@link JettyErrors}.
 */
final class ErrorMapping extends Plugin<Void> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private final Templates templates;

    ErrorMapping(Templates templates) {
        this.templates = templates;
    }

    @Override
    public void onInitialize(JavalinConfig config) {
        config.router.mount(router -> {
            router.exception(InvalidParameterException.class, (e, ctx) -> answer(ctx, 400, e.getMessage(), e.field()));
            router.exception(NotFoundException.class, (e, ctx) -> answer(ctx, 404, e.getMessage(), null));
            router.exception(NotAcceptableException.class, (e, ctx) -> answer(ctx, 406, e.getMessage(), "Accept"));
            router.exception(ConflictException.class, (e, ctx) -> answer(ctx, 409, e.getMessage(), null));
            router.exception(ForbiddenException.class, (e, ctx) -> answer(ctx, 403, e.getMessage(), null));
            router.exception(
                    UnsupportedMediaTypeException.class, (e, ctx) -> answer(ctx, 415, e.getMessage(), "Content-Type"));
            router.exception(QuotaExceededException.class, (e, ctx) -> {
                ctx.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
                answer(ctx, 429, e.getMessage(), null);
            });
            router.exception(
                    HttpResponseException.class, (e, ctx) -> answer(ctx, e.getStatus(), message(e, ctx), null));
            router.exception(Exception.class, (e, ctx) -> {
                LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
                answer(
                        ctx,
                        500,
                        "internal error (logged on the server as "
                                + e.getClass().getSimpleName() + ")",
                        null);
            });
            router.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    answer(ctx, 404, "no page at " + ctx.path(), null);
                }
            });
            router.error(405, ctx -> answer(ctx, 405, ctx.method() + " is not allowed on " + ctx.path(), null));
        });
    }

    private static String message(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> "no such route: " + ctx.method() + " " + ctx.path();
            case 413 -> "the request body is too large (at most 1 MB here; uploads have their own limit)";
            default ->
                e.getMessage() == null || e.getMessage().isBlank()
                        ? HttpStatus.forStatus(e.getStatus()).getMessage()
                        : e.getMessage();
        };
    }

    void answer(Context ctx, int status, String message, String field) {
        ctx.status(status);
        // In the reader's language where the message's shape is known; English clients get it as it was.
        message = ErrorText.in(message, PageLanguage.messages(ctx));
        if (ctx.path().startsWith("/api/")) {
            ctx.json(new ErrorBody(message, field));
        } else {
            ctx.html(templates.render("error.jte", new ErrorPage(status, message)));
        }
    }

    /** The HTML error page, for Jetty's errors that never reach Javalin. */
    String page(int status, String message) {
        return templates.render("error.jte", new ErrorPage(status, message));
    }
}
