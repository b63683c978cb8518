package dev.lectern.datasets.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lectern.datasets.gen.Blobs;
import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableStatsTest {

    private static final List<Column> COLUMNS =
            List.of(new Column("x", ColumnRole.FEATURE), new Column("y", ColumnRole.LABEL));

    @Test
    void minMaxMeanAndSampleStandardDeviationPerColumn() {
        Table table = new Table(COLUMNS, 4, new float[] {1, 0, 2, 1, 3, 1, 4, 0});

        List<ColumnStats> stats = TableStats.columns(table);

        assertThat(stats).hasSize(2);
        ColumnStats x = stats.get(0);
        assertThat(x.name()).isEqualTo("x");
        assertThat(x.role()).isEqualTo(ColumnRole.FEATURE);
        assertThat(x.count()).isEqualTo(4);
        assertThat(x.min()).isEqualTo(1);
        assertThat(x.max()).isEqualTo(4);
        assertThat(x.mean()).isEqualTo(2.5);
        assertThat(x.std()).isCloseTo(Math.sqrt(5.0 / 3), within(1e-12));
        assertThat(x.missing()).isZero();
        assertThat(stats.get(1).role()).isEqualTo(ColumnRole.LABEL);
    }

    @Test
    void largeValuesKeepTheirPrecision() {
        Table table = new Table(COLUMNS, 2, new float[] {1_000_000, 0, 1_000_002, 0});

        assertThat(TableStats.columns(table).get(0).std()).isCloseTo(Math.sqrt(2), within(1e-9));
    }

    @Test
    void aSingleRowHasNoSpread() {
        assertThat(TableStats.columns(new Table(COLUMNS, 1, new float[] {5, 1}))
                        .get(0)
                        .std())
                .isZero();
    }

    @Test
    void wholeNumberLabelsWithFewValuesAreCountedAsClasses() {
        assertThat(TableStats.classCounts(Blobs.three(), 2))
                .hasValueSatisfying(classes -> assertThat(classes)
                        .containsExactly(new ClassCount(0, 100), new ClassCount(1, 100), new ClassCount(2, 100)));
    }

    @Test
    void fractionsOrManyDistinctValuesAreNotClasses() {
        assertThat(TableStats.classCounts(new Table(COLUMNS, 2, new float[] {0, 0.5f, 1, 1}), 1))
                .isEmpty();
        float[] many = new float[2 * 21];
        for (int r = 0; r < 21; r++) {
            many[2 * r + 1] = r;
        }
        assertThat(TableStats.classCounts(new Table(COLUMNS, 21, many), 1)).isEmpty();
        assertThat(TableStats.classCounts(new Table(COLUMNS, 20, java.util.Arrays.copyOf(many, 40)), 1))
                .isPresent();
    }

    @Test
    void evenRowsSpreadOverTheWholeTable() {
        assertThat(TableStats.evenRows(3, 10)).containsExactly(0, 1, 2);
        assertThat(TableStats.evenRows(10, 4)).containsExactly(0, 2, 5, 7);
        assertThat(TableStats.evenRows(1_000_000, 5000))
                .hasSize(5000)
                .startsWith(0)
                .endsWith(999_800);
    }
}
