package dev.lectern.plugin.logreg;

import dev.lectern.plugin.api.Table;
import dev.lectern.plugin.api.TrainingData;
import java.util.List;

/**
 * A loaded table split into raw features and a checked 0/1 label, on the host.
 *
 * @param featureNames the feature columns' names
 * @param labelName the label column's name
 * @param x row-major raw features, {@code rows * featureNames.size()} values
 * @param y the labels, each 0 or 1
 */
record BinaryTable(List<String> featureNames, String labelName, float[] x, float[] y) {

    /**
     * Reads the features and the first label column.
     *
     * @throws IllegalArgumentException when a column is missing or a label is not 0 or 1, naming the value and row
     */
    static BinaryTable of(TrainingData data) {
        Table table = data.table();
        String id = data.info().id();
        if (table.featureIndices().length == 0 || table.labelIndices().length == 0) {
            throw new IllegalArgumentException("data set '" + id + "' needs feature columns and a 0/1 label column");
        }
        String label = table.names(table.labelIndices()).get(0);
        float[] y = table.label();
        BinaryLabels.checkValues(id, label, y);
        return new BinaryTable(table.names(table.featureIndices()), label, table.features(), y);
    }

    int rows() {
        return y.length;
    }

    int features() {
        return featureNames.size();
    }
}
