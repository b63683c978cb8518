package ${package};

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

/** The testkit's contract: registration, declarations, validation, learning, seeds, cancellation, save/load/predict. */
class PerceptronPluginContractTest extends LecturePluginContractTest {

    private static final List<Column> COLUMNS = List.of(new Column("x1", ColumnRole.FEATURE),
            new Column("x2", ColumnRole.FEATURE), new Column("y", ColumnRole.LABEL));

    @Override
    protected LecturePlugin plugin() {
        return new PerceptronPlugin();
    }

    /** 40 points on a 8 × 5 grid, labelled 1 above the line x2 = 0.5 x1 + 1 and 0 below it. */
    @Override
    protected TrainingData tinyData() {
        int rows = 40;
        float[] values = new float[rows * 3];
        for (int r = 0; r < rows; r++) {
            float x1 = r % 8 - 3.5f;
            float x2 = (r / 8) * 1.5f - 2f;
            values[3 * r] = x1;
            values[3 * r + 1] = x2;
            values[3 * r + 2] = x2 > 0.5f * x1 + 1 ? 1 : 0;
        }
        return TrainingData.of(new DatasetInfo("tiny-line", "Tiny line", DatasetKind.TABLE, COLUMNS, "test data"),
                new Table(COLUMNS, rows, values));
    }

    @Override
    protected Map<String, Object> tinyBudget() {
        return Map.of("epochs", 60, "learningRate", 0.5);
    }

    @Override
    protected Map<String, Object> samplePredictInput() {
        return Map.of("x1", 1.0, "x2", 2.5);
    }
}
