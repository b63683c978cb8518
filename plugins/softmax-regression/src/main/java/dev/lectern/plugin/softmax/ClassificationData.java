package dev.lectern.plugin.softmax;

import dev.lectern.plugin.api.Table;
import dev.lectern.plugin.api.TrainingData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A table made ready for a classifier on the host: labels checked as class indices 0..k−1, rows split into training
 * and held-out parts per class, and features scaled with statistics of the training rows only (so nothing about the
 * held-out rows leaks into training).
 *
 * @param featureNames the feature columns' names
 * @param labelName the label column's name
 * @param classes k, one more than the largest label
 * @param trainX training features, row-major and scaled
 * @param trainY training labels
 * @param trainRows the training rows' 0-based positions in the table
 * @param testX held-out features, row-major and scaled; empty without a split
 * @param testY held-out labels
 * @param testRows the held-out rows' positions in the table
 * @param mean the subtracted per-feature mean (0 without scaling)
 * @param scale the per-feature divisor (1 without scaling)
 */
record ClassificationData(
        List<String> featureNames,
        String labelName,
        int classes,
        float[] trainX,
        int[] trainY,
        int[] trainRows,
        float[] testX,
        int[] testY,
        int[] testRows,
        float[] mean,
        float[] scale) {

    /** More classes than this is almost certainly a regression target fed to a classifier by mistake. */
    static final int MAX_CLASSES = 1000;

    static ClassificationData prepare(TrainingData data, double testFraction, boolean standardize, long seed) {
        Table table = data.table();
        int[] featureIdx = table.featureIndices();
        if (featureIdx.length == 0 || table.labelIndices().length == 0) {
            throw new IllegalArgumentException(
                    "data set '" + data.info().id() + "' needs feature columns and a label column");
        }
        String labelName = table.names(table.labelIndices()).get(0);
        int[] labels = classIndices(table.label(), labelName);
        int classes = Arrays.stream(labels).max().orElse(0) + 1;
        if (classes < 2) {
            throw new IllegalArgumentException("label '" + labelName + "' must hold at least two classes (0 and 1), "
                    + (labels.length == 0 ? "but the table has no rows" : "but every row is class 0"));
        }
        boolean[] heldOut = stratifiedSplit(labels, classes, testFraction, new Random(seed));
        int d = featureIdx.length;
        float[] x = table.features();
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int r = 0; r < labels.length; r++) {
            (heldOut[r] ? test : train).add(r);
        }
        int[] trainRows = train.stream().mapToInt(Integer::intValue).toArray();
        int[] testRows = test.stream().mapToInt(Integer::intValue).toArray();
        float[] mean = new float[d];
        float[] scale = new float[d];
        Arrays.fill(scale, 1f);
        if (standardize) {
            fitStandardization(x, d, trainRows, mean, scale);
        }
        return new ClassificationData(
                table.names(featureIdx),
                labelName,
                classes,
                rows(x, d, trainRows, mean, scale),
                pick(labels, trainRows),
                trainRows,
                rows(x, d, testRows, mean, scale),
                pick(labels, testRows),
                testRows,
                mean,
                scale);
    }

    int features() {
        return featureNames.size();
    }

    boolean hasTestSplit() {
        return testRows.length > 0;
    }

    /** Rejects labels that are not whole, non-negative class indices, naming the 1-based data row. */
    private static int[] classIndices(float[] values, String labelName) {
        int[] labels = new int[values.length];
        for (int r = 0; r < values.length; r++) {
            float v = values[r];
            if (!Float.isFinite(v) || v != Math.rint(v) || v < 0 || v >= MAX_CLASSES) {
                throw new IllegalArgumentException("label '" + labelName + "' in data row " + (r + 1) + " is " + v
                        + ": labels must be whole class indices 0, 1, 2, … below " + MAX_CLASSES);
            }
            labels[r] = (int) v;
        }
        return labels;
    }

    /** Holds out round(fraction × count) rows of every class, but always leaves a class at least one training row. */
    private static boolean[] stratifiedSplit(int[] labels, int classes, double fraction, Random random) {
        boolean[] heldOut = new boolean[labels.length];
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>();
            for (int r = 0; r < labels.length; r++) {
                if (labels[r] == c) {
                    members.add(r);
                }
            }
            int take = Math.min((int) Math.round(fraction * members.size()), members.size() - 1);
            for (int i = 0; i < take; i++) {
                int j = i + random.nextInt(members.size() - i);
                int chosen = members.set(j, members.get(i));
                members.set(i, chosen);
                heldOut[chosen] = true;
            }
        }
        return heldOut;
    }

    private static void fitStandardization(float[] x, int d, int[] rows, float[] mean, float[] scale) {
        for (int f = 0; f < d; f++) {
            double sum = 0;
            double squares = 0;
            for (int r : rows) {
                double v = x[r * d + f];
                sum += v;
                squares += v * v;
            }
            double m = sum / rows.length;
            double sd = Math.sqrt(Math.max(0, squares / rows.length - m * m));
            mean[f] = (float) m;
            // A constant feature carries no information; dividing by 1 keeps it finite instead of 0/0.
            scale[f] = sd > 1e-12 ? (float) sd : 1f;
        }
    }

    private static float[] rows(float[] x, int d, int[] rows, float[] mean, float[] scale) {
        float[] out = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            for (int f = 0; f < d; f++) {
                out[i * d + f] = (x[rows[i] * d + f] - mean[f]) / scale[f];
            }
        }
        return out;
    }

    private static int[] pick(int[] labels, int[] rows) {
        return Arrays.stream(rows).map(r -> labels[r]).toArray();
    }
}
