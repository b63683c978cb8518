package dev.lectern.datasets;

import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.Table;
import dev.lectern.plugin.api.TrainingData;
import java.util.function.Supplier;

/**
 * Produces a generated data set, which needs no file.
 *
 * <p>It returns {@link TrainingData} rather than a table so that generated text or images can be added
 * with the same catalog entry shape.
 */
@FunctionalInterface
public interface DatasetGenerator {

    /**
     * Generates the data; the same generator must always return the same data.
     *
     * @param info the data set's metadata
     * @return the generated data
     */
    TrainingData generate(DatasetInfo info);

    /**
     * Adapts a table supplier.
     *
     * @param tables returns the same table contents on every call
     * @return a generator of table data
     */
    static DatasetGenerator ofTable(Supplier<Table> tables) {
        return info -> TrainingData.of(info, tables.get());
    }

    /**
     * Adapts a text supplier.
     *
     * @param texts returns the same text on every call
     * @return a generator of text data
     */
    static DatasetGenerator ofText(Supplier<String> texts) {
        return info -> TrainingData.ofText(info, texts.get());
    }
}
