package dev.lectern.server.dataset;

import dev.lectern.datasets.DatasetService;
import dev.lectern.datasets.DatasetSpec;
import dev.lectern.datasets.load.DatasetFormatException;
import dev.lectern.datasets.stats.ClassCount;
import dev.lectern.datasets.stats.ColumnStats;
import dev.lectern.datasets.stats.TableStats;
import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.PluginTexts;
import dev.lectern.plugin.api.Table;
import dev.lectern.server.access.Viewer;
import dev.lectern.server.http.PageLanguage;
import dev.lectern.server.plugin.PluginManager;
import dev.lectern.web.Templates;
import dev.lectern.web.page.DatasetClassCount;
import dev.lectern.web.page.DatasetColumn;
import dev.lectern.web.page.DatasetListPage;
import dev.lectern.web.page.DatasetPage;
import dev.lectern.web.page.DatasetPluginLink;
import dev.lectern.web.page.DatasetRow;
import dev.lectern.web.page.DatasetUploadForm;
import dev.lectern.web.page.KeyValue;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The data set pages: the list with the upload form, one data set, and deleting an upload. Work without JavaScript. */
public final class DatasetPageController {

    private final DatasetAccess access;

    /** How many rows a data set's page shows. */
    static final int PREVIEW_ROWS = 20;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final DatasetFacts facts;
    private final Templates templates;

    /**
     * Creates the controller.
     *
     * @param datasets the data set service
     * @param uploads the uploads
     * @param plugins the plugins, for the "train with this data" links
     * @param templates the page renderer
     */
    public DatasetPageController(
            DatasetService datasets,
            DatasetUploads uploads,
            PluginManager plugins,
            Templates templates,
            DatasetAccess access) {
        this.facts = new DatasetFacts(datasets, uploads, plugins);
        this.templates = templates;
        this.access = access;
    }

    /** {@code GET /datasets}. */
    public void index(Context ctx) {
        ctx.html(templates.render("datasets/index.jte", listPage(ctx, emptyForm())));
    }

    /** {@code POST /datasets}: the upload form; 303 to the new data set, or the form again with the error. */
    public void create(Context ctx) throws IOException {
        long max = facts.uploads().maxBytes();
        String maxSize = UploadTooLargeException.megabytes(max);
        try {
            UploadedDataset upload = UploadRequest.accept(ctx, facts.uploads());
            ctx.redirect("/datasets/" + upload.id(), HttpStatus.SEE_OTHER);
        } catch (UploadTooLargeException e) {
            ctx.header("Connection", "close");
            ctx.status(HttpStatus.CONTENT_TOO_LARGE)
                    .html(templates.render(
                            "datasets/index.jte",
                            listPage(
                                    ctx,
                                    new DatasetUploadForm("", "", e.getMessage(), "", "", maxSize, max, "table"))));
        } catch (DatasetFormatException e) {
            UploadRequest typed = UploadRequest.fields(ctx);
            ctx.status(HttpStatus.BAD_REQUEST)
                    .html(templates.render(
                            "datasets/index.jte",
                            listPage(
                                    ctx,
                                    new DatasetUploadForm(
                                            typed.name(),
                                            typed.label(),
                                            e.getMessage(),
                                            "",
                                            "",
                                            maxSize,
                                            max,
                                            typed.kind()))));
        } catch (InvalidParameterException e) {
            UploadRequest typed = UploadRequest.fields(ctx);
            String field = e.field();
            ctx.status(HttpStatus.BAD_REQUEST)
                    .html(templates.render(
                            "datasets/index.jte",
                            listPage(
                                    ctx,
                                    new DatasetUploadForm(
                                            typed.name(),
                                            typed.label(),
                                            "name".equals(field) || "label".equals(field) ? "" : e.getMessage(),
                                            "name".equals(field) ? e.getMessage() : "",
                                            "label".equals(field) ? e.getMessage() : "",
                                            maxSize,
                                            max,
                                            typed.kind()))));
        }
    }

    /** {@code GET /datasets/{id}}. */
    public void show(Context ctx) {
        ctx.html(templates.render("datasets/show.jte", page(facts.spec(ctx.pathParam("id")))));
    }

    /** {@code POST /datasets/{id}/delete}: 303 to the list; 409 for built-ins, 404 for unknown ids. */
    public void delete(Context ctx) throws IOException {
        facts.uploads().delete(ctx.pathParam("id"));
        ctx.redirect("/datasets", HttpStatus.SEE_OTHER);
    }

    private DatasetUploadForm emptyForm() {
        long max = facts.uploads().maxBytes();
        return DatasetUploadForm.empty(UploadTooLargeException.megabytes(max), max);
    }

    private DatasetListPage listPage(Context ctx, DatasetUploadForm form) {
        Map<String, UploadedDataset> uploads = facts.uploadsById();
        List<DatasetRow> builtIn = new ArrayList<>();
        List<DatasetRow> uploaded = new ArrayList<>();
        for (DatasetSpec spec : facts.datasets().catalog().all()) {
            if (!access.maySee(Viewer.of(ctx), spec.id())) {
                continue;
            }
            UploadedDataset upload = uploads.get(spec.id());
            String rows = upload != null
                    ? Long.toString(upload.rows())
                    : facts.datasets()
                            .knownRows(spec.id())
                            .map(String::valueOf)
                            .orElse(
                                    spec.kind() == DatasetKind.TABLE
                                                    && spec.info().facts().rows() >= 0
                                            ? Long.toString(spec.info().facts().rows())
                                            : "");
            String source = upload != null ? "uploaded" : spec.generated() ? "generated" : "lecture file";
            DatasetRow row = new DatasetRow(
                    spec.id(),
                    DatasetTexts.title(spec),
                    DatasetFacts.kind(spec),
                    rows,
                    shortColumns(spec.columns()),
                    DatasetTexts.description(spec),
                    source,
                    upload == null ? "" : TIME.format(upload.createdAt()),
                    spec.info().facts().known() ? spec.info().facts().describe() : "");
            (upload == null ? builtIn : uploaded).add(row);
        }
        return new DatasetListPage(builtIn, uploaded, form);
    }

    private DatasetPage page(DatasetSpec spec) {
        Optional<UploadedDataset> upload = facts.upload(spec.id());
        DatasetFacts.Loaded loaded = facts.load(spec);
        List<KeyValue> about = about(spec, upload, loaded);
        List<DatasetPluginLink> links = facts.pluginsFor(spec).stream()
                .map(p -> new DatasetPluginLink(
                        p.descriptor().id(),
                        PluginTexts.of(p, PageLanguage.current().locale()).title()))
                .toList();
        String labelName = spec.columns().stream()
                .filter(c -> c.role() == ColumnRole.LABEL)
                .map(Column::name)
                .findFirst()
                .orElse("");
        if (!loaded.ok()) {
            List<DatasetColumn> columns = new ArrayList<>();
            for (int i = 0; i < spec.columns().size(); i++) {
                Column c = spec.columns().get(i);
                columns.add(new DatasetColumn(i + 1, c.name(), role(c.role()), "", "", "", "", ""));
            }
            return new DatasetPage(
                    spec.id(),
                    DatasetTexts.title(spec),
                    DatasetTexts.description(spec),
                    upload.isPresent(),
                    about,
                    columns,
                    List.of(),
                    "",
                    List.of(),
                    labelName,
                    1,
                    Math.min(2, columns.size()),
                    links,
                    loaded.error());
        }
        Table table = loaded.table();
        List<DatasetColumn> columns = new ArrayList<>();
        List<ColumnStats> stats = TableStats.columns(table);
        for (int i = 0; i < stats.size(); i++) {
            ColumnStats s = stats.get(i);
            columns.add(new DatasetColumn(
                    i + 1,
                    s.name(),
                    role(s.role()),
                    DatasetFacts.number(s.min()),
                    DatasetFacts.number(s.max()),
                    DatasetFacts.number(s.mean()),
                    DatasetFacts.number(s.std()),
                    Integer.toString(s.missing())));
        }
        int[] axes = DatasetFacts.defaultAxes(table);
        return new DatasetPage(
                spec.id(),
                DatasetTexts.title(spec),
                DatasetTexts.description(spec),
                upload.isPresent(),
                about,
                columns,
                preview(table),
                Integer.toString(table.rows()),
                classes(table),
                labelName,
                axes[0] + 1,
                axes[1] + 1,
                links,
                "");
    }

    private List<KeyValue> about(DatasetSpec spec, Optional<UploadedDataset> upload, DatasetFacts.Loaded loaded) {
        List<KeyValue> about = new ArrayList<>();
        about.add(new KeyValue("id", spec.id()));
        about.add(new KeyValue("kind", DatasetFacts.kind(spec)));
        if (loaded.ok()) {
            about.add(new KeyValue("rows", Integer.toString(loaded.table().rows())));
        }
        about.add(new KeyValue("columns", spec.columns().size() + ": " + shortColumns(spec.columns())));
        about.addAll(DatasetFacts.factLines(spec));
        if (upload.isPresent()) {
            UploadedDataset u = upload.get();
            about.add(new KeyValue("source", "uploaded " + TIME.format(u.createdAt()) + " from " + u.originalName()));
            about.add(new KeyValue("file size", String.format(Locale.ROOT, "%,d bytes", u.sizeBytes())));
        } else {
            about.add(new KeyValue(
                    "source", spec.generated() ? "generated by Lectern" : "lecture file " + spec.fileName()));
        }
        about.add(new KeyValue("licence", spec.license()));
        if (!spec.generated()) {
            about.add(new KeyValue("SHA-256", spec.sha256()));
        }
        return about;
    }

    private static List<List<String>> preview(Table table) {
        int width = table.columns().size();
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < Math.min(PREVIEW_ROWS, table.rows()); r++) {
            List<String> cells = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                cells.add(DatasetFacts.number(table.values()[r * width + c]));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static List<DatasetClassCount> classes(Table table) {
        int label = DatasetFacts.labelIndex(table);
        if (label < 0) {
            return List.of();
        }
        List<ClassCount> counts = TableStats.classCounts(table, label).orElse(List.of());
        return counts.stream()
                .map(c -> new DatasetClassCount(
                        Long.toString(c.value()),
                        Integer.toString(c.count()),
                        String.format(Locale.ROOT, "%.1f %%", 100.0 * c.count() / table.rows())))
                .toList();
    }

    private static String shortColumns(List<Column> columns) {
        List<String> names = columns.stream()
                .filter(c -> c.role() == ColumnRole.FEATURE)
                .map(Column::name)
                .toList();
        String features = names.size() <= 8
                ? String.join(", ", names)
                : String.join(", ", names.subList(0, 6)) + ", … (" + names.size() + " features)";
        String label = columns.stream()
                .filter(c -> c.role() == ColumnRole.LABEL)
                .map(Column::name)
                .collect(Collectors.joining(", "));
        return label.isEmpty() ? features : features + " → " + label;
    }

    private static String role(ColumnRole role) {
        return role.name().toLowerCase(Locale.ROOT);
    }
}
