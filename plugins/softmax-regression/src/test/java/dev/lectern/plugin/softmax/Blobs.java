package dev.lectern.plugin.softmax;

import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.Table;
import dev.lectern.plugin.api.TrainingData;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * k-class Gaussian blobs for tests: class c is centred on a circle of the given radius around an off-origin point
 * (so scaling matters), with unit standard deviation in every feature. The rows are interleaved by class.
 */
final class Blobs {

    private Blobs() {}

    static TrainingData of(String id, int classes, int features, int rows, double radius, long seed) {
        List<Column> columns = new ArrayList<>();
        for (int f = 1; f <= features; f++) {
            columns.add(new Column("x" + f, ColumnRole.FEATURE));
        }
        columns.add(new Column("class", ColumnRole.LABEL));
        Random random = new Random(seed);
        int width = features + 1;
        float[] values = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            int c = r % classes;
            double angle = 2 * Math.PI * c / classes;
            for (int f = 0; f < features; f++) {
                double centre = f == 0 ? 10 + radius * Math.cos(angle) : f == 1 ? -3 + radius * Math.sin(angle) : 0;
                values[r * width + f] = (float) (centre + random.nextGaussian());
            }
            values[r * width + features] = c;
        }
        return TrainingData.of(
                new DatasetInfo(id, id, DatasetKind.TABLE, columns, classes + " Gaussian blobs"),
                new Table(columns, rows, values));
    }

    /** Replaces one label of a table, to build bad inputs. */
    static TrainingData withLabel(TrainingData data, int row, float label) {
        Table table = data.table();
        float[] values = table.values().clone();
        values[row * table.columns().size() + table.labelIndices()[0]] = label;
        return TrainingData.of(data.info(), new Table(table.columns(), table.rows(), values));
    }
}
