package dev.lectern.server.experiment;

import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.server.access.Viewer;
import dev.lectern.web.page.RunFilters;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/** Reads the runs table's filters, sort and page from a request's query string, for the page, the API and exports. */
public final class RunQueries {

    private RunQueries() {}

    /** The filters as typed, for showing them again. */
    public static RunFilters filters(Context ctx) {
        String dir = text(ctx, "dir");
        return new RunFilters(
                text(ctx, "plugin"),
                text(ctx, "dataset"),
                text(ctx, "status").toUpperCase(Locale.ROOT),
                text(ctx, "tag"),
                text(ctx, "q"),
                text(ctx, "sort").isEmpty() ? "id" : text(ctx, "sort"),
                !"asc".equals(dir),
                Viewer.of(ctx).seesAll() ? text(ctx, "owner") : "");
    }

    /**
     * Builds the query.
     *
     * @throws InvalidParameterException naming {@code status}, {@code sort}, {@code dir} or {@code q}
     */
    public static RunQuery query(Context ctx, int offset, int limit) {
        RunFilters f = filters(ctx);
        Optional<ExperimentStatus> status = Optional.empty();
        if (!f.status().isEmpty()) {
            try {
                status = Optional.of(ExperimentStatus.valueOf(f.status()));
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException(
                        "status",
                        "status must be one of QUEUED, RUNNING, SUCCEEDED, FAILED, " + "CANCELLED or INTERRUPTED, got '"
                                + abbreviate(f.status()) + "'");
            }
        }
        String dir = text(ctx, "dir");
        if (!dir.isEmpty() && !dir.equals("asc") && !dir.equals("desc")) {
            throw new InvalidParameterException("dir", "dir must be asc or desc, got '" + abbreviate(dir) + "'");
        }
        if (f.q().length() > 200) {
            throw new InvalidParameterException("q", "search text must be at most 200 characters");
        }
        try {
            // A student sees only their own runs whatever they ask; a teacher may ask for one owner's.
            Viewer viewer = Viewer.of(ctx);
            Optional<String> owner = viewer.seesAll() ? opt(text(ctx, "owner")) : viewer.onlyOwner();
            return new RunQuery(
                    opt(f.plugin()),
                    opt(f.dataset()),
                    status,
                    opt(f.tag()),
                    opt(f.q()),
                    f.sort(),
                    f.descending(),
                    offset,
                    limit,
                    owner);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(
                    "sort",
                    "sort must be id, name, plugin, dataset, status, started, duration, "
                            + "last:<metric> or best:<metric>, got '" + abbreviate(f.sort()) + "'");
        }
    }

    private static Optional<String> opt(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value.strip();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
