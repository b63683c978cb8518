package dev.lectern.plugin.linreg;

import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.Table;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.testkit.LecturePluginContractTest;
import java.util.List;
import java.util.Map;

class LinearRegressionPluginContractTest extends LecturePluginContractTest {

    @Override
    protected LecturePlugin plugin() {
        return new LinearRegressionPlugin();
    }

    @Override
    protected TrainingData tinyData() {
        List<Column> columns = List.of(new Column("x", ColumnRole.FEATURE), new Column("y", ColumnRole.LABEL));
        int rows = 20;
        float[] values = new float[rows * 2];
        for (int r = 0; r < rows; r++) {
            float x = r / 10f;
            values[2 * r] = x;
            values[2 * r + 1] = 3 * x + 1 + ((r % 3) - 1) * 0.05f;
        }
        return TrainingData.of(
                new DatasetInfo("tiny-line", "Tiny line", DatasetKind.TABLE, columns, "y ≈ 3x + 1"),
                new Table(columns, rows, values));
    }

    @Override
    protected Map<String, Object> tinyBudget() {
        return Map.of("epochs", 60, "learningRate", 0.1, "batchSize", 8, "init", "normal");
    }

    @Override
    protected Map<String, Object> samplePredictInput() {
        return Map.of("x1", 1.5);
    }
}
