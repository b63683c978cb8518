package dev.lectern.plugin.logreg;

import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.Table;
import dev.lectern.plugin.api.TrainingData;
import java.util.ArrayList;
import java.util.List;

/** Small hand-made tables, so the tests depend on no generated data set. */
final class TinyTables {

    private TinyTables() {}

    /** 24 points on a 6 x 4 grid in [0, 1]², labelled 1 above the line x1 + x2 = 1 (none lies on it). */
    static TrainingData separable() {
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 4; j++) {
                float a = i / 5f;
                float b = j / 3f + 0.05f;
                rows.add(new float[] {a, b, a + b > 1 ? 1 : 0});
            }
        }
        return table("tiny-separable", List.of("x1", "x2"), "y", rows);
    }

    /** Builds a table whose last value per row is the label. */
    static TrainingData table(String id, List<String> features, String label, List<float[]> rows) {
        List<Column> columns = new ArrayList<>();
        features.forEach(name -> columns.add(new Column(name, ColumnRole.FEATURE)));
        columns.add(new Column(label, ColumnRole.LABEL));
        float[] values = new float[rows.size() * columns.size()];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, values, r * columns.size(), columns.size());
        }
        return TrainingData.of(
                new DatasetInfo(id, id, DatasetKind.TABLE, columns, "hand-made test table"),
                new Table(columns, rows.size(), values));
    }
}
