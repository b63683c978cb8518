package dev.lectern.plugin.softmax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.Table;
import dev.lectern.plugin.api.TrainingData;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The held-out split and the scaling, on the host, without DJL. */
class ClassificationDataTest {

    /** Classes of 10, 5 and 1 rows; the feature is the row number, so rows can be traced through the split. */
    private static TrainingData skewed() {
        List<Column> columns = List.of(new Column("x", ColumnRole.FEATURE), new Column("y", ColumnRole.LABEL));
        int[] labels =
                IntStream.range(0, 16).map(r -> r < 10 ? 0 : r < 15 ? 1 : 2).toArray();
        float[] values = new float[32];
        for (int r = 0; r < 16; r++) {
            values[2 * r] = r;
            values[2 * r + 1] = labels[r];
        }
        return TrainingData.of(
                new DatasetInfo("skewed", null, DatasetKind.TABLE, columns, null), new Table(columns, 16, values));
    }

    @Test
    void holdsOutTheFractionOfEveryClassButLeavesEachClassATrainingRow() {
        ClassificationData data = ClassificationData.prepare(skewed(), 0.2, false, 3);
        assertThat(data.classes()).isEqualTo(3);
        assertThat(Arrays.stream(data.testY()).sorted().toArray()).containsExactly(0, 0, 1);
        assertThat(data.trainY()).contains(2);
        assertThat(IntStream.concat(Arrays.stream(data.trainRows()), Arrays.stream(data.testRows()))
                        .sorted()
                        .toArray())
                .containsExactly(IntStream.range(0, 16).toArray());
        for (int i = 0; i < data.testRows().length; i++) {
            assertThat(data.testX()[i]).isEqualTo((float) data.testRows()[i]);
        }
    }

    @Test
    void theSplitIsFixedBySeed() {
        int[] first = ClassificationData.prepare(skewed(), 0.3, false, 5).testRows();
        assertThat(ClassificationData.prepare(skewed(), 0.3, false, 5).testRows())
                .containsExactly(first);
        boolean anyOther = IntStream.range(6, 16)
                .anyMatch(seed -> !Arrays.equals(
                        first,
                        ClassificationData.prepare(skewed(), 0.3, false, seed).testRows()));
        assertThat(anyOther).as("another seed draws another split").isTrue();
    }

    @Test
    void standardizesWithStatisticsOfTheTrainingRowsOnly() {
        ClassificationData data = ClassificationData.prepare(skewed(), 0.2, true, 3);
        double[] train = IntStream.range(0, data.trainX().length)
                .mapToDouble(i -> data.trainX()[i])
                .toArray();
        double mean = Arrays.stream(train).average().orElseThrow();
        double variance =
                Arrays.stream(train).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
        assertThat(mean).isCloseTo(0, within(1e-5));
        assertThat(variance).isCloseTo(1, within(1e-4));
        double rawTrainMean = Arrays.stream(data.trainRows()).average().orElseThrow();
        assertThat(data.mean()[0]).isCloseTo((float) rawTrainMean, within(1e-5f));
    }

    @Test
    void aZeroFractionKeepsEveryRowForTraining() {
        ClassificationData data = ClassificationData.prepare(skewed(), 0, true, 3);
        assertThat(data.hasTestSplit()).isFalse();
        assertThat(data.trainRows()).hasSize(16);
    }
}
