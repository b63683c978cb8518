package dev.lectern.server.http;

import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.server.NotFoundException;
import io.javalin.http.Context;

/** Reads path and query numbers, answering nonsense with 404 or 400 rather than a stack trace. */
final class Ids {

    private Ids() {}

    static long experimentId(Context ctx) {
        return pathId(ctx, "experiment");
    }

    /** The positive {@code {id}} of the path; anything else names no such thing, so 404. */
    static long pathId(Context ctx, String kind) {
        String raw = ctx.pathParam("id");
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new NotFoundException(kind + " '" + raw + "' does not exist");
    }

    static int positive(Context ctx, String name, int fallback, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new InvalidParameterException(name, name + " must be a whole number from 1 to " + max + ", got '" + raw + "'");
    }
}
