package dev.lectern.plugin.api;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The data a plugin can train on, declared by {@link LecturePlugin#dataRequirements()}: the kinds of data set, the
 * number of features, what the label must be, and the data set its page picks first. The workbench lists on the
 * plugin's page only the data sets that fit, offers "Train with" on a data set's page only for plugins it fits, and
 * refuses a run on one that does not with an error on the field {@code dataset} that says why, before anything is
 * queued. A requirement a data set's {@link DataFacts} cannot answer (they are {@link DataFacts#UNKNOWN}) passes;
 * the plugin then checks the loaded data itself. Since API 1.4.
 *
 * <p>Build one from {@link #any()} with the {@code with...} methods, for example
 * {@code DataRequirements.any().withKinds(DatasetKind.TABLE).withBinaryLabel().withPreferredDataset("ex2data1")}.
 *
 * @param kinds the accepted kinds; empty means those of {@link LecturePlugin#datasetKinds()}
 * @param minFeatures the fewest features a data set may have, 0 for no bound
 * @param maxFeatures the most features a data set may have, {@link Integer#MAX_VALUE} for no bound
 * @param label the label the plugin needs: {@link LabelKind#BINARY}, {@link LabelKind#CLASSES} (with
 *     {@code minClasses} to {@code maxClasses} classes; a binary label counts as two classes),
 *     {@link LabelKind#CONTINUOUS}, {@link LabelKind#NONE}, or {@link LabelKind#UNKNOWN} for any label
 * @param minClasses the fewest classes of a {@link LabelKind#CLASSES} label
 * @param maxClasses the most classes of a {@link LabelKind#CLASSES} label
 * @param preferredDataset the data set the plugin's page selects first when it fits, or {@code null}
 */
public record DataRequirements(
        Set<DatasetKind> kinds,
        int minFeatures,
        int maxFeatures,
        LabelKind label,
        int minClasses,
        int maxClasses,
        String preferredDataset) {

    private static final DataRequirements ANY =
            new DataRequirements(Set.of(), 0, Integer.MAX_VALUE, LabelKind.UNKNOWN, 0, Integer.MAX_VALUE, null);

    /**
     * Creates the record and checks its fields.
     *
     * @param kinds the accepted kinds, empty for the plugin's own
     * @param minFeatures the fewest features
     * @param maxFeatures the most features
     * @param label the label needed, {@link LabelKind#UNKNOWN} for any
     * @param minClasses the fewest classes
     * @param maxClasses the most classes
     * @param preferredDataset the data set to select first, or null
     */
    public DataRequirements {
        kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        label = label == null ? LabelKind.UNKNOWN : label;
        if (minFeatures < 0 || maxFeatures < minFeatures) {
            throw new IllegalArgumentException(
                    "features must be a range 0 <= min <= max, got " + minFeatures + ".." + maxFeatures);
        }
        if (minClasses < 0 || maxClasses < minClasses) {
            throw new IllegalArgumentException(
                    "classes must be a range 0 <= min <= max, got " + minClasses + ".." + maxClasses);
        }
        preferredDataset = preferredDataset == null || preferredDataset.isBlank() ? null : preferredDataset;
    }

    /**
     * Returns the requirements that accept every data set of the plugin's kinds: the default, as before API 1.4.
     *
     * @return no requirements
     */
    public static DataRequirements any() {
        return ANY;
    }

    /**
     * Returns these requirements accepting only the given kinds.
     *
     * @param accepted the kinds
     * @return the new requirements
     */
    public DataRequirements withKinds(DatasetKind... accepted) {
        return new DataRequirements(
                Set.of(accepted), minFeatures, maxFeatures, label, minClasses, maxClasses, preferredDataset);
    }

    /**
     * Returns these requirements with an exact number of features, such as 784 pixels.
     *
     * @param count the number of features
     * @return the new requirements
     */
    public DataRequirements withFeatures(int count) {
        return withFeatures(count, count);
    }

    /**
     * Returns these requirements with a range of feature counts.
     *
     * @param min the fewest features
     * @param max the most features, {@link Integer#MAX_VALUE} for no bound
     * @return the new requirements
     */
    public DataRequirements withFeatures(int min, int max) {
        return new DataRequirements(kinds, min, max, label, minClasses, maxClasses, preferredDataset);
    }

    /**
     * Returns these requirements needing a 0/1 label.
     *
     * @return the new requirements
     */
    public DataRequirements withBinaryLabel() {
        return new DataRequirements(
                kinds, minFeatures, maxFeatures, LabelKind.BINARY, 0, Integer.MAX_VALUE, preferredDataset);
    }

    /**
     * Returns these requirements needing a class label with {@code min} to {@code max} classes.
     *
     * @param min the fewest classes, such as 2
     * @param max the most classes, {@link Integer#MAX_VALUE} for no bound
     * @return the new requirements
     */
    public DataRequirements withClassLabel(int min, int max) {
        return new DataRequirements(kinds, minFeatures, maxFeatures, LabelKind.CLASSES, min, max, preferredDataset);
    }

    /**
     * Returns these requirements needing a continuous (regression) label.
     *
     * @return the new requirements
     */
    public DataRequirements withContinuousLabel() {
        return new DataRequirements(
                kinds, minFeatures, maxFeatures, LabelKind.CONTINUOUS, 0, Integer.MAX_VALUE, preferredDataset);
    }

    /**
     * Returns these requirements needing data without a label, such as a text.
     *
     * @return the new requirements
     */
    public DataRequirements withoutLabel() {
        return new DataRequirements(
                kinds, minFeatures, maxFeatures, LabelKind.NONE, 0, Integer.MAX_VALUE, preferredDataset);
    }

    /**
     * Returns these requirements with the data set the plugin's page selects first.
     *
     * @param id the data set's id, such as {@code ex2data1}
     * @return the new requirements
     */
    public DataRequirements withPreferredDataset(String id) {
        return new DataRequirements(kinds, minFeatures, maxFeatures, label, minClasses, maxClasses, id);
    }

    /**
     * Tells why a data set does not fit, or nothing when it does. The reason reads after the plugin's name, such as
     * "needs a binary label; three-blobs has 3 classes (0, 1, 2)".
     *
     * @param dataset the data set, with its facts
     * @param pluginKinds the plugin's {@link LecturePlugin#datasetKinds()}, used when {@link #kinds()} is empty
     * @return the reason, or empty when the data set fits
     */
    public Optional<String> mismatch(DatasetInfo dataset, Set<DatasetKind> pluginKinds) {
        Objects.requireNonNull(dataset, "dataset");
        Set<DatasetKind> accepted = kinds.isEmpty() ? pluginKinds : kinds;
        if (accepted != null && !accepted.isEmpty() && !accepted.contains(dataset.kind())) {
            return Optional.of("trains on " + kindNames(accepted) + " data sets; " + dataset.id() + " is "
                    + kindName(dataset.kind()));
        }
        DataFacts facts = dataset.facts();
        if (facts.features() >= 0 && (facts.features() < minFeatures || facts.features() > maxFeatures)) {
            return Optional.of("needs " + featureRange() + "; " + dataset.id() + " has " + facts.features()
                    + (facts.features() == 1 ? " feature" : " features"));
        }
        if (!facts.known() || label == LabelKind.UNKNOWN) {
            return Optional.empty();
        }
        boolean fits = switch (label) {
            case BINARY -> facts.label() == LabelKind.BINARY;
            case CLASSES ->
                (facts.label() == LabelKind.BINARY || facts.label() == LabelKind.CLASSES)
                        && facts.classCount() >= minClasses
                        && facts.classCount() <= maxClasses;
            case CONTINUOUS -> facts.label() == LabelKind.CONTINUOUS;
            case NONE -> facts.label() == LabelKind.NONE;
            case UNKNOWN -> true;
        };
        if (fits) {
            return Optional.empty();
        }
        return Optional.of("needs " + labelNeeded() + "; " + dataset.id() + " has " + facts.describe());
    }

    /**
     * Describes the label needed, such as "a binary label (0/1)" or "a class label with 2 to 20 classes".
     *
     * @return the description, "any label" when there is no label requirement
     */
    public String labelNeeded() {
        return switch (label) {
            case BINARY -> "a binary label (0/1)";
            case CLASSES -> "a class label with " + range(minClasses, maxClasses, "class", "classes");
            case CONTINUOUS -> "a continuous label";
            case NONE -> "data without a label";
            case UNKNOWN -> "any label";
        };
    }

    private String featureRange() {
        return range(minFeatures, maxFeatures, "feature", "features");
    }

    private static String range(int min, int max, String one, String many) {
        if (min == max) {
            return min + " " + (min == 1 ? one : many);
        }
        if (max == Integer.MAX_VALUE) {
            return "at least " + min + " " + (min == 1 ? one : many);
        }
        if (min == 0) {
            return "at most " + max + " " + (max == 1 ? one : many);
        }
        return min + " to " + max + " " + many;
    }

    private static String kindNames(Set<DatasetKind> kinds) {
        return kinds.stream().sorted().map(DataRequirements::kindName).collect(Collectors.joining(" or "));
    }

    private static String kindName(DatasetKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
