package dev.lectern.plugin.lstm;

import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.Table;
import dev.lectern.plugin.api.TrainingData;
import java.util.List;

/** Small generated series for tests: an uploaded-CSV-like table whose label column is the value to forecast. */
final class SyntheticSeries {

    /**
     * A sine wave with a slow trend as a one-column table, oldest row first: smooth enough that a model which
     * reads the window's shape beats "tomorrow = today" by far.
     *
     * @param rows number of rows
     * @param period rows per cycle
     * @return the data
     */
    static TrainingData sine(int rows, double period) {
        float[] values = new float[rows];
        for (int t = 0; t < rows; t++) {
            values[t] = (float) (10 + 3 * Math.sin(2 * Math.PI * t / period));
        }
        Table table = new Table(List.of(new Column("value", ColumnRole.LABEL)), rows, values);
        return TrainingData.of(new DatasetInfo("sine", "Sine wave", DatasetKind.TABLE, table.columns(), ""), table);
    }

    private SyntheticSeries() {}
}
