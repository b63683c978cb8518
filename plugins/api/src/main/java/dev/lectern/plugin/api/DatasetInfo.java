package dev.lectern.plugin.api;

import java.util.List;
import java.util.Objects;

/**
 * What a plugin may know about a data set before it is loaded.
 *
 * @param id the data set's identifier, such as {@code ex1data1}
 * @param title a human title
 * @param kind the data set's shape
 * @param columns the columns for tables, empty for other kinds
 * @param description a sentence or two about the data and its units
 * @param facts the features, rows and label the data set has, {@link DataFacts#UNKNOWN} when not known (since API
 *     1.4)
 */
public record DatasetInfo(
        String id, String title, DatasetKind kind, List<Column> columns, String description, DataFacts facts) {

    /**
     * Creates the record and checks its fields.
     *
     * @param id the data set's identifier, such as {@code ex1data1}
     * @param title a human title
     * @param kind the data set's shape
     * @param columns the columns for tables, empty for other kinds
     * @param description a sentence or two about the data and its units
     * @param facts the data set's facts, null when not known
     */
    public DatasetInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        title = title == null ? id : title;
        columns = List.copyOf(columns == null ? List.of() : columns);
        description = description == null ? "" : description;
        facts = facts == null ? DataFacts.UNKNOWN : facts;
    }

    /**
     * Creates the record without facts, as before API 1.4.
     *
     * @param id the data set's identifier, such as {@code ex1data1}
     * @param title a human title
     * @param kind the data set's shape
     * @param columns the columns for tables, empty for other kinds
     * @param description a sentence or two about the data and its units
     */
    public DatasetInfo(String id, String title, DatasetKind kind, List<Column> columns, String description) {
        this(id, title, kind, columns, description, DataFacts.UNKNOWN);
    }

    /**
     * Returns this description with other facts.
     *
     * @param newFacts the facts
     * @return the new description
     */
    public DatasetInfo withFacts(DataFacts newFacts) {
        return new DatasetInfo(id, title, kind, columns, description, newFacts);
    }
}
