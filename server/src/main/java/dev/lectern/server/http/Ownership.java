package dev.lectern.server.http;

import dev.lectern.server.NotFoundException;
import dev.lectern.server.access.Viewer;
import dev.lectern.server.dataset.DatasetAccess;
import dev.lectern.server.experiment.ExperimentService;
import dev.lectern.server.sweep.SweepService;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Keeps a student to their own runs and sweeps: on every route that names one by its id, another's is answered
 * exactly as one that does not exist (404), so nothing tells a student what others ran. Lists and exports are
 * narrowed by the same rule through {@link Viewer#onlyOwner()}.
 */
public final class Ownership {

    private final ExperimentService experiments;
    private final SweepService sweeps;
    private final DatasetAccess datasets;

    /**
     * Creates the guard.
     *
     * @param experiments finds a run's owner
     * @param sweeps finds a sweep's owner
     * @param datasets who may see an upload
     */
    public Ownership(ExperimentService experiments, SweepService sweeps, DatasetAccess datasets) {
        this.experiments = experiments;
        this.sweeps = sweeps;
        this.datasets = datasets;
    }

    /** Before any route with a data set's {@code {id}}. */
    public void dataset(Context ctx) {
        String id = ctx.pathParam("id");
        if (!datasets.maySee(Viewer.of(ctx), id)) {
            throw new NotFoundException("data set '" + id + "' does not exist");
        }
    }

    /** Before any route with an experiment's {@code {id}}. */
    public void experiment(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        id(ctx).ifPresent(id -> experiments.ownerOf(id).ifPresent(owner -> {
            if (!viewer.maySee(owner.orElse(null))) {
                throw new NotFoundException("experiment " + id + " does not exist");
            }
        }));
    }

    /** Before any route with a sweep's {@code {id}}. */
    public void sweep(Context ctx) {
        Viewer viewer = Viewer.of(ctx);
        id(ctx).ifPresent(id -> sweeps.ownerOf(id).ifPresent(owner -> {
            if (!viewer.maySee(owner.orElse(null))) {
                throw new NotFoundException("sweep " + id + " does not exist");
            }
        }));
    }

    /** The numeric id of the path; other words (export.csv) are routes of their own. */
    private static Optional<Long> id(Context ctx) {
        try {
            return Optional.of(Long.parseLong(ctx.pathParam("id")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
