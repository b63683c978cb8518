package dev.lectern.server.worker;

import dev.lectern.server.access.Viewer;
import dev.lectern.server.experiment.Experiment;
import dev.lectern.server.experiment.ExperimentRepository;
import dev.lectern.server.http.Ids;
import dev.lectern.server.http.PageOf;
import dev.lectern.web.Templates;
import dev.lectern.web.page.KeyValue;
import dev.lectern.web.page.Pager;
import dev.lectern.web.page.WorkersPage;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code GET /api/workers} and {@code GET /workers}: the nodes that train, what they can take and what they train. */
public final class WorkersController {

    static final int PAGE_SIZE = 50;

    private final WorkerRegistry registry;
    private final ExperimentRepository runs;
    private final Duration timeout;
    private final boolean shared;
    private final Templates templates;

    /**
     * Creates the controller.
     *
     * @param registry the workers' rows
     * @param runs the runs' rows
     * @param timeout how long a silent worker still counts as alive (setting {@code --worker-timeout})
     * @param shared whether the store is shared by several machines (PostgreSQL)
     * @param templates the page renderer
     */
    public WorkersController(
            WorkerRegistry registry, ExperimentRepository runs, Duration timeout, boolean shared, Templates templates) {
        this.registry = registry;
        this.runs = runs;
        this.timeout = timeout;
        this.shared = shared;
        this.templates = templates;
    }

    /**
     * One worker as the API answers it.
     *
     * @param name its name
     * @param host its machine
     * @param state {@code alive}, {@code silent} or {@code stopped}
     * @param devices its devices
     * @param plugins its plugins as {@code id@version}
     * @param concurrency how many runs it trains at once
     * @param startedAt when it started
     * @param lastSeen its last heartbeat (the database's clock)
     * @param stoppedAt when it stopped cleanly, or null
     * @param training the ids of the runs it trains now that the viewer may see
     * @param trainingCount how many runs it trains now, the viewer's or not
     */
    public record WorkerView(
            String name,
            String host,
            String state,
            List<String> devices,
            List<String> plugins,
            int concurrency,
            Instant startedAt,
            Instant lastSeen,
            Instant stoppedAt,
            List<Long> training,
            int trainingCount) {}

    /** The workers as JSON, a page at a time (live ones first). */
    public void api(Context ctx) {
        int page = Ids.positive(ctx, "page", 1, 1_000_000);
        int size = Ids.positive(ctx, "size", PAGE_SIZE, 200);
        List<WorkerView> all = views(Viewer.of(ctx), registry.now(), runs.runningOnWorkers());
        ctx.json(new PageOf<>(slice(all, page, size), all.size(), page, size));
    }

    /** The workers page. */
    public void page(Context ctx) {
        int page = Ids.positive(ctx, "page", 1, 1_000_000);
        Viewer viewer = Viewer.of(ctx);
        Instant now = registry.now();
        List<Experiment> running = runs.runningOnWorkers();
        List<WorkerView> all = views(viewer, now, running);
        Map<Long, Experiment> visible = running.stream()
                .filter(e -> viewer.maySee(e.owner().orElse(null)))
                .collect(Collectors.toMap(Experiment::id, e -> e));
        List<WorkersPage.Row> rows = new ArrayList<>();
        for (WorkerView w : slice(all, page, PAGE_SIZE)) {
            List<KeyValue> training = w.training().stream()
                    .map(id -> new KeyValue(Long.toString(id), visible.get(id).name()))
                    .toList();
            rows.add(new WorkersPage.Row(
                    w.name(),
                    w.host(),
                    w.state(),
                    heard(w.lastSeen(), now),
                    w.devices(),
                    w.plugins(),
                    w.concurrency(),
                    training,
                    w.trainingCount() - training.size()));
        }
        int pages = (int) Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        ctx.html(templates.render(
                "workers.jte",
                new WorkersPage(
                        shared,
                        timeout.toSeconds(),
                        rows,
                        new Pager(Math.min(page, pages), pages, all.size(), "/workers"))));
    }

    private List<WorkerView> views(Viewer viewer, Instant now, List<Experiment> running) {
        List<WorkerView> views = new ArrayList<>();
        for (WorkerInfo w : registry.all()) {
            List<Experiment> mine = running.stream()
                    .filter(e -> w.name().equals(e.worker().orElse(null)))
                    .toList();
            List<Long> visible = mine.stream()
                    .filter(e -> viewer.maySee(e.owner().orElse(null)))
                    .map(Experiment::id)
                    .toList();
            views.add(new WorkerView(
                    w.name(),
                    w.host(),
                    state(w, now),
                    w.devices(),
                    w.plugins(),
                    w.concurrency(),
                    w.startedAt(),
                    w.lastSeen(),
                    w.stoppedAt().orElse(null),
                    visible,
                    mine.size()));
        }
        views.sort(Comparator.comparingInt((WorkerView v) -> rank(v.state())));
        return views;
    }

    private String state(WorkerInfo w, Instant now) {
        if (w.stoppedAt().isPresent()) {
            return "stopped";
        }
        return w.alive(now, timeout) ? "alive" : "silent";
    }

    private static int rank(String state) {
        return switch (state) {
            case "alive" -> 0;
            case "silent" -> 1;
            default -> 2;
        };
    }

    private static <T> List<T> slice(List<T> all, int page, int size) {
        int from = (int) Math.min(all.size(), (long) (page - 1) * size);
        return all.subList(from, Math.min(all.size(), from + size));
    }

    static String heard(Instant lastSeen, Instant now) {
        long s = Math.max(0, Duration.between(lastSeen, now).toSeconds());
        if (s < 120) {
            return s + " s ago";
        }
        if (s < 2 * 3600) {
            return s / 60 + " min ago";
        }
        if (s < 2 * 86400) {
            return s / 3600 + " h ago";
        }
        return s / 86400 + " days ago";
    }
}
