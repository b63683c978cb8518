package dev.lectern.server.plugin;

import dev.lectern.datasets.DatasetSpec;
import dev.lectern.plugin.api.DataRequirements;
import dev.lectern.plugin.api.LecturePlugin;
import java.util.List;
import java.util.Optional;

/**
 * Whether a data set fits a plugin: its kind, and the plugin's {@link DataRequirements} held against the data set's
 * facts. One rule for every place that offers or accepts a data set: the plugin page's choice, a data set's "Train
 * with" links, the lesson form, and every request that creates a run.
 */
public final class DataFit {

    private DataFit() {}

    /**
     * Tells why a data set does not fit a plugin, in a sentence that starts with the plugin's id, such as
     * "logistic-regression needs a binary label (0/1); three-blobs has 3 classes (0, 1, 2)".
     *
     * @param plugin the plugin
     * @param dataset the data set
     * @return the reason, or empty when it fits
     */
    public static Optional<String> mismatch(LecturePlugin plugin, DatasetSpec dataset) {
        return requirements(plugin)
                .mismatch(dataset.info(), plugin.datasetKinds())
                .map(reason -> plugin.descriptor().id() + " " + reason);
    }

    /**
     * Returns whether a data set fits a plugin.
     *
     * @param plugin the plugin
     * @param dataset the data set
     * @return true when nothing the plugin declares rules it out
     */
    public static boolean fits(LecturePlugin plugin, DatasetSpec dataset) {
        return mismatch(plugin, dataset).isEmpty();
    }

    /**
     * Keeps the data sets that fit a plugin, in their order.
     *
     * @param plugin the plugin
     * @param datasets the candidates
     * @return those that fit
     */
    public static List<DatasetSpec> fitting(LecturePlugin plugin, List<DatasetSpec> datasets) {
        return datasets.stream().filter(d -> fits(plugin, d)).toList();
    }

    /**
     * Picks the data set a plugin's form selects: the one asked for when it is among the options, else the plugin's
     * preferred one when it is, else the first.
     *
     * @param plugin the plugin
     * @param options the data sets offered, each fitting
     * @param requested the one asked for, or null
     * @return the id to select, empty when there are no options
     */
    public static String selected(LecturePlugin plugin, List<DatasetSpec> options, String requested) {
        String preferred = requirements(plugin).preferredDataset();
        for (String wanted : new String[] {requested, preferred}) {
            if (wanted != null && options.stream().anyMatch(d -> d.id().equals(wanted))) {
                return wanted;
            }
        }
        return options.isEmpty() ? "" : options.get(0).id();
    }

    private static DataRequirements requirements(LecturePlugin plugin) {
        DataRequirements declared = plugin.dataRequirements();
        return declared == null ? DataRequirements.any() : declared;
    }
}
