package dev.lectern.server.dataset;

import dev.lectern.datasets.DatasetService;
import dev.lectern.datasets.DatasetSpec;
import dev.lectern.datasets.FetchListener;
import dev.lectern.datasets.stats.TableStats;
import dev.lectern.plugin.api.DataFacts;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.Table;
import dev.lectern.server.NotFoundException;
import dev.lectern.server.plugin.DataFit;
import dev.lectern.server.plugin.PluginManager;
import dev.lectern.web.page.KeyValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What the data set pages and the API both need: lookups, loading with a readable failure, and number formats. */
final class DatasetFacts {

    private final DatasetService datasets;
    private final DatasetUploads uploads;
    private final PluginManager plugins;

    DatasetFacts(DatasetService datasets, DatasetUploads uploads, PluginManager plugins) {
        this.datasets = datasets;
        this.uploads = uploads;
        this.plugins = plugins;
    }

    /**
     * A data set's table, or why it could not be loaded.
     *
     * @param table the table, or null
     * @param error the reason, empty when loaded
     */
    record Loaded(Table table, String error) {
        boolean ok() {
            return table != null;
        }
    }

    DatasetService datasets() {
        return datasets;
    }

    DatasetUploads uploads() {
        return uploads;
    }

    /** Finds a data set in the live catalog or answers 404. */
    DatasetSpec spec(String id) {
        return datasets.catalog()
                .find(id)
                .orElseThrow(() -> new NotFoundException("data set '" + id + "' does not exist"));
    }

    /** Returns the stored uploads by id, for the ones that are registered. */
    Map<String, UploadedDataset> uploadsById() {
        Map<String, UploadedDataset> byId = new HashMap<>();
        uploads.all().forEach(u -> byId.put(u.id(), u));
        return byId;
    }

    Optional<UploadedDataset> upload(String id) {
        return datasets.isBuiltIn(id) ? Optional.empty() : uploads.find(id);
    }

    /** Loads a table data set, fetching its file if needed; failures become a message, never an exception. */
    Loaded load(DatasetSpec spec) {
        if (spec.kind() != DatasetKind.TABLE && spec.kind() != DatasetKind.TIME_SERIES) {
            return new Loaded(null, "only tables are described here; this data set is " + kind(spec));
        }
        try {
            return new Loaded(datasets.load(spec.id(), FetchListener.NONE).table(), "");
        } catch (IOException | RuntimeException e) {
            return new Loaded(null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** The loaded plugins that accept the data set (its kind, their data requirements, their checks), in order. */
    List<LecturePlugin> pluginsFor(DatasetSpec spec) {
        return plugins.plugins().stream()
                .filter(p -> p.datasetKinds().contains(spec.kind()) && DataFit.fits(p, spec) && accepts(p, spec))
                .toList();
    }

    /**
     * The data set's facts in words for its page, such as "3 classes (0, 1, 2)"; empty when not known.
     *
     * @param spec the data set
     * @return the label line and the features line, or an empty list
     */
    static List<KeyValue> factLines(DatasetSpec spec) {
        DataFacts f = spec.info().facts();
        if (!f.known()) {
            return List.of();
        }
        List<KeyValue> lines = new ArrayList<>();
        lines.add(new KeyValue("label", f.describe()));
        if (spec.kind() != DatasetKind.TEXT) {
            lines.add(new KeyValue(
                    spec.kind() == DatasetKind.IMAGES ? "pixels per image" : "features",
                    Integer.toString(f.features())));
        }
        return lines;
    }

    /**
     * Whether a plugin takes the data set with its defaults for it: the same check a run's creation makes, so the
     * page offers "train with" only where the run would be accepted (logistic regression refuses a continuous label).
     */
    private static boolean accepts(LecturePlugin plugin, DatasetSpec spec) {
        try {
            plugin.validate(
                    dev.lectern.plugin.api.ParamValues.check(plugin.hyperParameters(), plugin.defaultsFor(spec.info())),
                    spec.info());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The columns a scatter plot shows first: the first two features when the label is a class (the points are then
     * coloured by it), else the first feature against the label, the picture of a regression.
     */
    static int[] defaultAxes(Table table) {
        int[] features = table.featureIndices();
        int label = labelIndex(table);
        int x = features.length > 0 ? features[0] : 0;
        boolean classes = label >= 0 && TableStats.classCounts(table, label).isPresent();
        int y;
        if (label >= 0 && (!classes || features.length < 2)) {
            y = label;
        } else {
            y = features.length > 1 ? features[1] : Math.min(1, table.columns().size() - 1);
        }
        return new int[] {x, y};
    }

    /** The label column's index, or -1. */
    static int labelIndex(Table table) {
        int[] labels = table.labelIndices();
        return labels.length == 0 ? -1 : labels[0];
    }

    static String kind(DatasetSpec spec) {
        return spec.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Formats a value with at most six significant digits and no trailing zeros. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String s = String.format(Locale.ROOT, "%.6g", value);
        if (s.contains("e")) {
            return s.replaceAll("\\.?0+e", "e");
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
