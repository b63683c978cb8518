package dev.lectern.plugin.logreg;

import dev.lectern.datasets.DatasetCatalog;
import dev.lectern.datasets.DatasetSpec;
import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.InvalidParameterException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that a data set's label is a 0/1 class, twice: before the run from what {@link DatasetInfo} tells (so a
 * wrong pick is a form error on {@code dataset}), and on the loaded values (uploads, and anything the first check
 * cannot see).
 */
final class BinaryLabels {

    static final String DATASET_FIELD = "dataset";

    /**
     * Lecture files whose label is not 0/1; {@link DatasetInfo} carries no values, so these are known by id. Generated
     * tables are checked on their values instead, since generating them is cheap.
     */
    private static final Set<String> NON_BINARY_FILES =
            Set.of("ex1data1", "ex1data2", "data-01-test-score", "data-04-zoo");

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
        String label = labels.get(0).name();
        if (NON_BINARY_FILES.contains(dataset.id())) {
            throw invalid(notBinary(dataset.id(), label) + "; pick a data set with a 0/1 label such as ex2data1");
        }
        Optional<DatasetSpec> generated =
                DatasetCatalog.builtIn().find(dataset.id()).filter(DatasetSpec::generated);
        if (generated.isPresent()) {
            DatasetSpec spec = generated.get();
            try {
                checkValues(
                        dataset.id(),
                        label,
                        spec.generator().generate(spec.info()).table().label());
            } catch (IllegalArgumentException e) {
                throw invalid(e.getMessage());
            }
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
