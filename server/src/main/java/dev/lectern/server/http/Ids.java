package dev.lectern.server.http;

import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.server.NotFoundException;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** Reads path and query numbers, answering nonsense with 404 or 400 rather than a stack trace. */
public final class Ids {

    private Ids() {}

    public static long experimentId(Context ctx) {
        return pathId(ctx, "experiment");
    }

    /** The positive {@code {id}} of the path; anything else names no such thing, so 404. */
    public static long pathId(Context ctx, String kind) {
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

    public static int positive(Context ctx, String name, int fallback, int max) {
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
        throw new InvalidParameterException(
                name, name + " must be a whole number from 1 to " + max + ", got '" + raw + "'");
    }

    /**
     * Numbers from {@code name=1,2,3} or repeated {@code name=1&name=2}, each once, in the order given.
     *
     * @param ctx the request
     * @param name the query parameter
     * @return the ids
     */
    public static List<Long> list(Context ctx, String name) {
        List<Long> ids = new ArrayList<>();
        for (String value : ctx.queryParams(name)) {
            for (String part : value.split(",")) {
                String p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                try {
                    long id = Long.parseLong(p);
                    if (id < 1) {
                        throw new NumberFormatException();
                    }
                    if (!ids.contains(id)) {
                        ids.add(id);
                    }
                } catch (NumberFormatException e) {
                    throw new InvalidParameterException(
                            name,
                            name + " must be experiment numbers separated by commas, got '"
                                    + (p.length() > 20 ? p.substring(0, 20) + "…" : p) + "'");
                }
            }
        }
        return ids;
    }
}
