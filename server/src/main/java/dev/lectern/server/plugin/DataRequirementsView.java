package dev.lectern.server.plugin;

import dev.lectern.plugin.api.DataRequirements;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.LabelKind;
import dev.lectern.plugin.api.LecturePlugin;
import java.util.List;
import java.util.Locale;

/**
 * A plugin's data requirements as {@code GET /api/plugins} shows them in {@code "data"} (API 1.4).
 *
 * @param kinds the kinds of data set it trains on
 * @param minFeatures the fewest features, 0 for no bound
 * @param maxFeatures the most features, null for no bound
 * @param label {@code binary}, {@code classes}, {@code continuous}, {@code none}, or {@code any}
 * @param minClasses the fewest classes of a {@code classes} label, else null
 * @param maxClasses the most classes of a {@code classes} label (null for no bound), else null
 * @param preferredDataset the data set its page selects first, or null
 * @param text the label needed in words, such as "a binary label (0/1)"
 */
public record DataRequirementsView(
        List<DatasetKind> kinds,
        int minFeatures,
        Integer maxFeatures,
        String label,
        Integer minClasses,
        Integer maxClasses,
        String preferredDataset,
        String text) {

    static DataRequirementsView of(LecturePlugin plugin) {
        DataRequirements r = plugin.dataRequirements();
        if (r == null) {
            r = DataRequirements.any();
        }
        boolean classes = r.label() == LabelKind.CLASSES;
        return new DataRequirementsView(
                (r.kinds().isEmpty() ? plugin.datasetKinds() : r.kinds())
                        .stream().sorted().toList(),
                r.minFeatures(),
                unbounded(r.maxFeatures()),
                r.label() == LabelKind.UNKNOWN ? "any" : r.label().name().toLowerCase(Locale.ROOT),
                classes ? r.minClasses() : null,
                classes ? unbounded(r.maxClasses()) : null,
                r.preferredDataset(),
                r.labelNeeded());
    }

    private static Integer unbounded(int max) {
        return max == Integer.MAX_VALUE ? null : max;
    }
}
