package dev.lectern.plugin.mlp;

import dev.lectern.plugin.api.Table;
import dev.lectern.plugin.api.TrainingData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table made ready for the network: labels checked as class indices 0..k−1 (k ≥ 2), features optionally
 * standardised. Every row trains; lecture tables such as XOR are too small to hold rows out.
 *
 * @param featureNames the feature columns' names
 * @param labelName the label column's name
 * @param raw the features in the table's units, row-major
 * @param scaled the features as the network sees them, row-major
 * @param labels the class of every row
 * @param classes k
 * @param mean the subtracted per-feature mean (0 without scaling)
 * @param scale the per-feature divisor (1 without scaling)
 */
record TableInputs(
        List<String> featureNames,
        String labelName,
        float[] raw,
        float[] scaled,
        int[] labels,
        int classes,
        float[] mean,
        float[] scale) {

    static final int MAX_CLASSES = 1000;

    static TableInputs prepare(TrainingData data, boolean standardize) {
        Table table = data.table();
        int[] featureIdx = table.featureIndices();
        if (featureIdx.length == 0 || table.labelIndices().length == 0) {
            throw new IllegalArgumentException(
                    "data set '" + data.info().id() + "' needs feature columns and a label column");
        }
        if (table.rows() == 0) {
            throw new IllegalArgumentException("data set '" + data.info().id() + "' has no rows");
        }
        String labelName = table.names(table.labelIndices()).get(0);
        float[] values = table.label();
        int[] labels = new int[values.length];
        for (int r = 0; r < values.length; r++) {
            float v = values[r];
            if (!Float.isFinite(v) || v != Math.rint(v) || v < 0 || v >= MAX_CLASSES) {
                throw new IllegalArgumentException("label '" + labelName + "' in data row " + (r + 1) + " is " + v
                        + ": labels must be whole class indices 0, 1, 2, … below " + MAX_CLASSES);
            }
            labels[r] = (int) v;
        }
        int classes = Arrays.stream(labels).max().orElse(0) + 1;
        if (classes < 2) {
            throw new IllegalArgumentException(
                    "label '" + labelName + "' must hold at least two classes (0 and 1), but every row is class 0");
        }
        int d = featureIdx.length;
        int rows = table.rows();
        float[] raw = table.features();
        float[] mean = new float[d];
        float[] scale = new float[d];
        Arrays.fill(scale, 1f);
        if (standardize) {
            for (int f = 0; f < d; f++) {
                double sum = 0;
                double squares = 0;
                for (int r = 0; r < rows; r++) {
                    double v = raw[r * d + f];
                    sum += v;
                    squares += v * v;
                }
                double m = sum / rows;
                double sd = Math.sqrt(Math.max(0, squares / rows - m * m));
                mean[f] = (float) m;
                scale[f] = sd > 1e-12 ? (float) sd : 1f;
            }
        }
        float[] scaled = new float[raw.length];
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < d; f++) {
                scaled[r * d + f] = (raw[r * d + f] - mean[f]) / scale[f];
            }
        }
        return new TableInputs(table.names(featureIdx), labelName, raw, scaled, labels, classes, mean, scale);
    }

    int rows() {
        return labels.length;
    }

    int features() {
        return featureNames.size();
    }

    List<String> classNames() {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(Integer.toString(c));
        }
        return names;
    }
}
