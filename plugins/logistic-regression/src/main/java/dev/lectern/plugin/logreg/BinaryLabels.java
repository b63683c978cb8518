package dev.lectern.plugin.logreg;

import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.DataFacts;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.LabelKind;
import java.util.List;

/**
 * Checks that a data set's label is a 0/1 class, twice: before the run from the label facts its {@link DatasetInfo}
 * carries (so a wrong pick is a form error on {@code dataset}), and on the loaded values (anything whose facts are not
 * known before loading, and a last guard).
 */
final class BinaryLabels {

    static final String DATASET_FIELD = "dataset";

    private BinaryLabels() {}

    /** Rejects, on the {@code dataset} field, tables that cannot be a binary classification problem. */
    static void check(DatasetInfo dataset) {
        if (dataset.kind() != DatasetKind.TABLE) {
            throw invalid("logistic regression trains on tables; data set '" + dataset.id() + "' is " + dataset.kind());
        }
        List<Column> labels = dataset.columns().stream()
                .filter(c -> c.role() == ColumnRole.LABEL)
                .toList();
        if (labels.isEmpty()) {
            throw invalid("data set '" + dataset.id() + "' has no label column to classify");
        }
        if (dataset.columns().stream().noneMatch(c -> c.role() == ColumnRole.FEATURE)) {
            throw invalid("data set '" + dataset.id() + "' has no feature column");
        }
        DataFacts facts = dataset.facts();
        // Unknown facts pass here; the loaded values are checked when training starts (BinaryTable).
        if (facts.known() && facts.label() != LabelKind.BINARY) {
            throw invalid(notBinary(dataset.id(), labels.get(0).name()) + ": it has " + facts.describe()
                    + "; pick a data set with a 0/1 label such as ex2data1");
        }
    }

    /**
     * Fails with a message that names the first value that is not exactly 0 or 1 and its row (counted from 1).
     *
     * @throws IllegalArgumentException when a label is not 0 or 1
     */
    static void checkValues(String datasetId, String label, float[] y) {
        for (int r = 0; r < y.length; r++) {
            if (y[r] != 0f && y[r] != 1f) {
                throw new IllegalArgumentException(notBinary(datasetId, label) + ": row " + (r + 1) + " has " + y[r]
                        + " (logistic regression needs every label to be 0 or 1)");
            }
        }
    }

    private static String notBinary(String datasetId, String label) {
        return "the label '" + label + "' of data set '" + datasetId + "' is not a 0/1 class";
    }

    private static InvalidParameterException invalid(String message) {
        return new InvalidParameterException(DATASET_FIELD, message);
    }
}
