package dev.lectern.server.http;

import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.server.ConflictException;
import dev.lectern.server.NotFoundException;
import dev.lectern.web.Templates;
import dev.lectern.web.page.ErrorPage;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns exceptions into answers: JSON {@code {"error","field"}} under {@code /api}, a readable page elsewhere,
 * never a stack trace.
 */
final class ErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {}

    static void install(Javalin app, Templates templates) {
        app.exception(InvalidParameterException.class, (e, ctx) -> answer(ctx, templates, 400, e.getMessage(), e.field()));
        app.exception(NotFoundException.class, (e, ctx) -> answer(ctx, templates, 404, e.getMessage(), null));
        app.exception(NotAcceptableException.class, (e, ctx) -> answer(ctx, templates, 406, e.getMessage(), null));
        app.exception(ConflictException.class, (e, ctx) -> answer(ctx, templates, 409, e.getMessage(), null));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
            answer(ctx, templates, 500, "internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), null);
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                answer(ctx, templates, 404, "no page at " + ctx.path(), null);
            }
        });
        app.error(405, ctx -> answer(ctx, templates, 405, ctx.method() + " is not allowed on " + ctx.path(), null));
    }

    static void answer(Context ctx, Templates templates, int status, String message, String field) {
        ctx.status(HttpStatus.forStatus(status));
        if (ctx.path().startsWith("/api/")) {
            ctx.json(new ErrorBody(message, field));
        } else {
            ctx.html(templates.render("error.jte", new ErrorPage(status, message)));
        }
    }
}
