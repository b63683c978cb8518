package dev.lectern.plugin.api;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A numeric table held in one row-major {@code float} array, ready to be copied to the device in one call.
 *
 * @param columns the columns with their roles
 * @param rows the number of rows
 * @param values row-major values, {@code rows * columns.size()} of them
 */
public record Table(List<Column> columns, int rows, float[] values) {

    /**
     * Creates the record and checks its fields.
     *
     * @param columns the columns with their roles
     * @param rows the number of rows
     * @param values row-major values, {@code rows * columns.size()} of them
     */
    public Table {
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        Objects.requireNonNull(values, "values");
        if (rows < 0 || (long) rows * columns.size() != values.length) {
            throw new IllegalArgumentException("table of " + rows + " rows x " + columns.size()
                    + " columns cannot hold " + values.length + " values");
        }
    }

    /**
     * Returns the indices of the feature columns, in column order.
     *
     * @return the indices
     */
    public int[] featureIndices() {
        return indicesOf(ColumnRole.FEATURE);
    }

    /**
     * Returns the indices of the label columns, in column order.
     *
     * @return the indices
     */
    public int[] labelIndices() {
        return indicesOf(ColumnRole.LABEL);
    }

    /**
     * Returns the given columns of every row, row-major.
     *
     * @param indices column indices
     * @return {@code rows * indices.length} values
     */
    public float[] select(int[] indices) {
        int width = columns.size();
        float[] out = new float[rows * indices.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < indices.length; c++) {
                out[r * indices.length + c] = values[r * width + indices[c]];
            }
        }
        return out;
    }

    /**
     * Returns the feature columns of every row, row-major.
     *
     * @return {@code rows * features} values
     */
    public float[] features() {
        return select(featureIndices());
    }

    /**
     * Returns the first label column of every row.
     *
     * @return {@code rows} values
     * @throws IllegalStateException when no column has the LABEL role
     */
    public float[] label() {
        int[] labels = labelIndices();
        if (labels.length == 0) {
            throw new IllegalStateException("the table has no column with the LABEL role");
        }
        return select(new int[] {labels[0]});
    }

    /**
     * Returns the names of the given columns.
     *
     * @param indices column indices
     * @return the names, in the same order
     */
    public List<String> names(int[] indices) {
        return IntStream.of(indices).mapToObj(i -> columns.get(i).name()).toList();
    }

    private int[] indicesOf(ColumnRole role) {
        return IntStream.range(0, columns.size())
                .filter(i -> columns.get(i).role() == role)
                .toArray();
    }
}
