package dev.lectern.plugin.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a data set holds, known before a run starts: how many features and rows it has and what its label is. The
 * workbench compares these facts with a plugin's {@link DataRequirements}, so a data set that does not fit is refused
 * when a run is created rather than failing during training. Since API 1.4.
 *
 * @param features the number of feature columns of a table (pixels of an image), 0 for a text, -1 when unknown
 * @param rows the rows of a table (images, characters of a text), -1 when unknown
 * @param label what the label column holds
 * @param classes the distinct class values in ascending order for {@link LabelKind#BINARY} and
 *     {@link LabelKind#CLASSES}, empty otherwise
 * @param min the smallest label value, NaN when there is no label or it is unknown
 * @param max the largest label value, NaN when there is no label or it is unknown
 */
public record DataFacts(int features, long rows, LabelKind label, List<Integer> classes, double min, double max) {

    /** The most distinct whole-number labels that still count as classes. */
    public static final int MAX_CLASSES = 20;

    /** Facts that are not known: every requirement lets them pass, and the plugin checks the loaded data. */
    public static final DataFacts UNKNOWN = new DataFacts(-1, -1, LabelKind.UNKNOWN, List.of(), Double.NaN, Double.NaN);

    /**
     * Creates the record and checks its fields.
     *
     * @param features the number of features, -1 when unknown
     * @param rows the number of rows, -1 when unknown
     * @param label what the label column holds
     * @param classes the distinct class values, ascending
     * @param min the smallest label value
     * @param max the largest label value
     */
    public DataFacts {
        label = label == null ? LabelKind.UNKNOWN : label;
        classes = List.copyOf(classes == null ? List.of() : classes);
        features = Math.max(-1, features);
        rows = Math.max(-1, rows);
        boolean classLabel = label == LabelKind.BINARY || label == LabelKind.CLASSES;
        if (classLabel && classes.isEmpty()) {
            throw new IllegalArgumentException("a " + label + " label needs its class values");
        }
        if (!classLabel && !classes.isEmpty()) {
            throw new IllegalArgumentException("a " + label + " label has no class values");
        }
        if (label == LabelKind.BINARY && !classes.equals(List.of(0, 1))) {
            throw new IllegalArgumentException("a binary label has the classes 0 and 1, not " + classes);
        }
        if (classLabel) {
            min = classes.get(0);
            max = classes.get(classes.size() - 1);
        }
    }

    /**
     * Facts of a table with a 0/1 label.
     *
     * @param features the number of features
     * @param rows the number of rows
     * @return the facts
     */
    public static DataFacts binary(int features, long rows) {
        return new DataFacts(features, rows, LabelKind.BINARY, List.of(0, 1), 0, 1);
    }

    /**
     * Facts of a data set whose label is one of a few class values. Two classes 0 and 1 make a binary label.
     *
     * @param features the number of features (pixels of an image)
     * @param rows the number of rows (images)
     * @param classes the distinct class values
     * @return the facts
     */
    public static DataFacts classes(int features, long rows, List<Integer> classes) {
        List<Integer> sorted = new ArrayList<>(new TreeSet<>(classes));
        LabelKind kind = sorted.equals(List.of(0, 1)) ? LabelKind.BINARY : LabelKind.CLASSES;
        return new DataFacts(features, rows, kind, sorted, Double.NaN, Double.NaN);
    }

    /**
     * Facts of a table whose label is a number in a range.
     *
     * @param features the number of features
     * @param rows the number of rows
     * @param min the smallest label
     * @param max the largest label
     * @return the facts
     */
    public static DataFacts continuous(int features, long rows, double min, double max) {
        return new DataFacts(features, rows, LabelKind.CONTINUOUS, List.of(), min, max);
    }

    /**
     * Facts of a data set without a label, such as a text of {@code rows} characters.
     *
     * @param features the number of features, 0 for a text
     * @param rows the number of rows (characters of a text)
     * @return the facts
     */
    public static DataFacts unlabelled(int features, long rows) {
        return new DataFacts(features, rows, LabelKind.NONE, List.of(), Double.NaN, Double.NaN);
    }

    /**
     * Computes the facts of a loaded table: its feature count, its rows, and what its first label column holds.
     *
     * @param table the table
     * @return the facts
     */
    public static DataFacts of(Table table) {
        int features = table.featureIndices().length;
        if (table.labelIndices().length == 0) {
            return unlabelled(features, table.rows());
        }
        return ofLabels(table.label(), features);
    }

    /**
     * Computes the facts of a label column: classes when every value is a whole number and there are at most
     * {@link #MAX_CLASSES} distinct ones with, when more than two, at least two rows per class on average (so that
     * 25 distinct test scores read as a continuous target, not 25 classes); otherwise a continuous range.
     *
     * @param labels one label per row
     * @param features the number of features
     * @return the facts
     */
    public static DataFacts ofLabels(float[] labels, int features) {
        Objects.requireNonNull(labels, "labels");
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        TreeSet<Integer> distinct = new TreeSet<>();
        boolean whole = true;
        for (float y : labels) {
            min = Math.min(min, y);
            max = Math.max(max, y);
            if (whole && y == Math.rint(y) && Math.abs(y) <= 1e9) {
                distinct.add((int) y);
                whole = distinct.size() <= MAX_CLASSES;
            } else {
                whole = false;
            }
        }
        if (labels.length == 0) {
            return new DataFacts(features, 0, LabelKind.UNKNOWN, List.of(), Double.NaN, Double.NaN);
        }
        if (whole && (distinct.size() <= 2 || 2L * distinct.size() <= labels.length)) {
            return classes(features, labels.length, List.copyOf(distinct));
        }
        return continuous(features, labels.length, min, max);
    }

    /**
     * Returns whether anything is known about the label.
     *
     * @return false for {@link LabelKind#UNKNOWN}
     */
    public boolean known() {
        return label != LabelKind.UNKNOWN;
    }

    /**
     * Returns the number of distinct classes.
     *
     * @return the count for binary and class labels, 0 otherwise
     */
    public int classCount() {
        return classes.size();
    }

    /**
     * Describes the label in words for messages and pages, such as "3 classes (0, 1, 2)", "a binary label (0/1)" or
     * "a continuous label from -2.68 to 24.1".
     *
     * @return the description
     */
    public String describe() {
        return switch (label) {
            case BINARY -> "a binary label (0/1)";
            case CLASSES ->
                classes.size() + (classes.size() == 1 ? " class (" : " classes (")
                        + classes.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
            case CONTINUOUS -> "a continuous label from " + number(min) + " to " + number(max);
            case NONE -> "no label";
            case UNKNOWN -> "a label not known before loading";
        };
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String s = String.format(Locale.ROOT, "%.4g", value);
        return s.contains("e") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
