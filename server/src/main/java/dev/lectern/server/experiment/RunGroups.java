package dev.lectern.server.experiment;

import dev.lectern.server.http.Formats;
import dev.lectern.web.page.RunGroupHead;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The headings of the runs table grouped by a hyperparameter. The database orders rows by the group's value, so one
 * page holds the end of one group and the start of others: a heading goes before each group's first row on the page
 * (the first row's says "continued" when its group began on an earlier page), with the group's run count over all
 * pages and the best value of the metric the table sorts by. Two small queries per page, whatever the number of runs.
 */
final class RunGroups {

    private RunGroups() {}

    static Map<Long, RunGroupHead> heads(ExperimentRepository repo, RunQuery pageQuery, List<Experiment> rows) {
        Map<Long, RunGroupHead> heads = new HashMap<>();
        if (pageQuery.group().isEmpty() || rows.isEmpty()) {
            return heads;
        }
        String param = pageQuery.group().get();
        List<Long> ids = new ArrayList<>(rows.stream().map(Experiment::id).toList());
        // The row before this page tells whether its first group began earlier.
        Optional<Experiment> before = pageQuery.offset() == 0
                ? Optional.empty()
                : repo.search(pageQuery.page(pageQuery.offset() - 1, 1)).stream()
                        .findFirst();
        before.ifPresent(b -> ids.add(b.id()));
        Map<Long, String> values = repo.paramValues(param, ids);

        Set<String> onPage = new LinkedHashSet<>();
        boolean withoutParam = false;
        for (Experiment e : rows) {
            String value = values.get(e.id());
            if (value == null) {
                withoutParam = true;
            } else {
                onPage.add(value);
            }
        }
        Map<String, RunGroupCount> counts = new HashMap<>();
        for (RunGroupCount c : repo.groupCounts(pageQuery, onPage, withoutParam)) {
            counts.put(c.value().orElse(null), c);
        }
        Optional<String> metric = RunQuery.metric(pageQuery.sort());
        String previous = before.map(b -> values.get(b.id())).orElse(null);
        boolean first = true;
        for (Experiment e : rows) {
            String value = values.get(e.id());
            if (first || !Objects.equals(value, previous)) {
                boolean continued = first && before.isPresent() && Objects.equals(value, previous);
                RunGroupCount count = counts.get(value);
                heads.put(
                        e.id(),
                        new RunGroupHead(
                                param,
                                value == null ? "" : shown(value),
                                count == null ? 0 : count.runs(),
                                best(metric, pageQuery.sort(), count),
                                continued));
            }
            previous = value;
            first = false;
        }
        return heads;
    }

    /** A number as the table shows numbers; text as it is. */
    private static String shown(String value) {
        return ParamCondition.number(value).map(Formats::number).orElse(value);
    }

    private static String best(Optional<String> metric, String sort, RunGroupCount count) {
        if (metric.isEmpty() || count == null || count.best().isEmpty()) {
            return "";
        }
        String which = sort.startsWith("last:") ? "best last " : "best ";
        return which + metric.get() + " " + Formats.number(count.best().get());
    }
}
