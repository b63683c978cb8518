package dev.lectern.server.dataset;

import dev.lectern.datasets.ColumnChoice;
import dev.lectern.datasets.DatasetService;
import dev.lectern.datasets.DatasetSpec;
import dev.lectern.datasets.load.DatasetFormatException;
import dev.lectern.datasets.stats.TableStats;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.Table;
import dev.lectern.server.ConflictException;
import dev.lectern.server.access.Viewer;
import dev.lectern.server.plugin.PluginManager;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The data set part of the JSON API: list, describe, plot, upload and delete. */
public final class DatasetApiController {

    private final DatasetAccess access;

    /** The most points a scatter plot request returns; larger tables are sampled evenly. */
    static final int MAX_POINTS = 2000;

    private final DatasetFacts facts;

    /**
     * Creates the controller.
     *
     * @param datasets the data set service
     * @param uploads the uploads
     * @param plugins the plugins, for which ones accept a data set
     */
    public DatasetApiController(
            DatasetService datasets, DatasetUploads uploads, PluginManager plugins, DatasetAccess access) {
        this.facts = new DatasetFacts(datasets, uploads, plugins);
        this.access = access;
    }

    /** {@code GET /api/datasets}: the built-ins, then the uploads. */
    public void list(Context ctx) {
        Map<String, UploadedDataset> uploads = facts.uploadsById();
        List<Map<String, Object>> out = new ArrayList<>();
        for (DatasetSpec spec : facts.datasets().catalog().all()) {
            if (access.maySee(Viewer.of(ctx), spec.id())) {
                out.add(item(spec, uploads.get(spec.id())));
            }
        }
        ctx.json(out);
    }

    /** {@code GET /api/datasets/{id}}: the entry with column statistics and class counts. */
    public void get(Context ctx) {
        ctx.json(detail(ctx.pathParam("id")));
    }

    /** {@code GET /api/datasets/{id}/columns?x=&y=}: two columns for a scatter plot, sampled to at most 2000 points. */
    public void columns(Context ctx) {
        DatasetSpec spec = facts.spec(ctx.pathParam("id"));
        DatasetFacts.Loaded loaded = facts.load(spec);
        if (!loaded.ok()) {
            throw new ConflictException(loaded.error());
        }
        Table table = loaded.table();
        int[] axes = DatasetFacts.defaultAxes(table);
        int x = ColumnChoice.resolve(table.columns(), ctx.queryParam("x"), "x", axes[0]);
        int y = ColumnChoice.resolve(table.columns(), ctx.queryParam("y"), "y", axes[1]);
        int label = DatasetFacts.labelIndex(table);
        boolean classes = label >= 0 && TableStats.classCounts(table, label).isPresent();
        int width = table.columns().size();
        float[] v = table.values();
        int[] rows = TableStats.evenRows(table.rows(), MAX_POINTS);
        List<float[]> points = new ArrayList<>(rows.length);
        List<Long> pointClasses = new ArrayList<>(classes ? rows.length : 0);
        for (int r : rows) {
            points.add(new float[] {v[r * width + x], v[r * width + y]});
            if (classes) {
                pointClasses.add((long) v[r * width + label]);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("x", axis(table, x));
        out.put("y", axis(table, y));
        out.put("label", label >= 0 ? table.columns().get(label).name() : null);
        out.put("points", points);
        out.put("classes", classes ? pointClasses : null);
        out.put("rows", table.rows());
        out.put("shown", rows.length);
        ctx.json(out);
    }

    /** {@code POST /api/datasets}: multipart {@code file}, optional {@code name} and {@code label}; 201 or 400/413. */
    public void create(Context ctx) throws IOException {
        UploadedDataset upload;
        try {
            upload = UploadRequest.accept(ctx, facts.uploads());
        } catch (UploadTooLargeException e) {
            ctx.header("Connection", "close");
            ctx.status(HttpStatus.CONTENT_TOO_LARGE).json(error(e.getMessage(), "file"));
            return;
        } catch (DatasetFormatException e) {
            throw new InvalidParameterException("file", e.getMessage());
        }
        ctx.status(HttpStatus.CREATED).json(detail(upload.id()));
    }

    /** {@code DELETE /api/datasets/{id}}: uploads only; 409 for built-ins, 404 for unknown ids. */
    public void delete(Context ctx) throws IOException {
        facts.uploads().delete(ctx.pathParam("id"));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private Map<String, Object> detail(String id) {
        DatasetSpec spec = facts.spec(id);
        Map<String, Object> out = item(spec, facts.upload(id).orElse(null));
        DatasetFacts.Loaded loaded = facts.load(spec);
        if (loaded.ok()) {
            Table table = loaded.table();
            int label = DatasetFacts.labelIndex(table);
            out.put("rows", table.rows());
            out.put("stats", TableStats.columns(table));
            out.put(
                    "classes",
                    label < 0 ? null : TableStats.classCounts(table, label).orElse(null));
            out.put("unavailable", null);
        } else {
            out.put("stats", null);
            out.put("classes", null);
            out.put("unavailable", loaded.error());
        }
        out.put(
                "plugins",
                facts.pluginsFor(spec).stream().map(p -> p.descriptor().id()).toList());
        return out;
    }

    private Map<String, Object> item(DatasetSpec spec, UploadedDataset upload) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", spec.id());
        item.put("title", spec.title());
        item.put("kind", spec.kind());
        item.put("columns", spec.columns());
        item.put("description", spec.description());
        item.put("license", spec.license());
        item.put("generated", spec.generated());
        item.put("uploaded", upload != null);
        item.put(
                "rows",
                upload != null
                        ? Long.valueOf(upload.rows())
                        : facts.datasets()
                                .knownRows(spec.id())
                                .map(Long::valueOf)
                                .orElse(null));
        // Since API 1.4: features, rows and the label's kind, known without loading (what plugins require).
        item.put("facts", DataFactsView.of(spec.info().facts()));
        if (upload != null) {
            item.put("fileName", upload.originalName());
            item.put("sizeBytes", upload.sizeBytes());
            item.put("sha256", upload.sha256());
            item.put("createdAt", upload.createdAt());
            // #15's contract: uploads carry their owner like runs and sweeps do (null when made without accounts).
            item.put("owner", facts.uploads().owner(upload.id()).flatMap(o -> o).orElse(null));
        }
        return item;
    }

    private static Map<String, Object> axis(Table table, int index) {
        return Map.of("number", index + 1, "name", table.columns().get(index).name());
    }

    private static Map<String, Object> error(String message, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("field", field);
        return body;
    }
}
