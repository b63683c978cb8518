package dev.lectern.server.experiment;

import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.server.access.Viewer;
import dev.lectern.web.page.RunFilters;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads the runs table's filters, sort and page from a request's query string, for the page, the API and exports. */
public final class RunQueries {

    private static final java.util.regex.Pattern GROUP =
            java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,99}");

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
                Viewer.of(ctx).seesAll() ? text(ctx, "owner") : "",
                hp(ctx),
                text(ctx, "group"));
    }

    /** Every {@code hp} value of the query, as one text of conditions separated by commas. */
    private static String hp(Context ctx) {
        return ctx.queryParams(ParamCondition.FIELD).stream()
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * Builds the query.
     *
     * @throws InvalidParameterException naming {@code status}, {@code sort}, {@code dir}, {@code q}, {@code hp} or
     *     {@code group}
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
        List<ParamCondition> params = ParamCondition.parse(ctx.queryParams(ParamCondition.FIELD));
        if (!f.group().isEmpty() && !GROUP.matcher(f.group()).matches()) {
            throw new InvalidParameterException(
                    "group",
                    "group must name a hyperparameter (letters, digits, _ . -), got '" + abbreviate(f.group()) + "'");
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
                    owner,
                    params,
                    opt(f.group()));
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
