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
 */
public record DatasetInfo(String id, String title, DatasetKind kind, List<Column> columns, String description) {

    /**
     * Creates the record and checks its fields.
     *
     * @param id the data set's identifier, such as {@code ex1data1}
     * @param title a human title
     * @param kind the data set's shape
     * @param columns the columns for tables, empty for other kinds
     * @param description a sentence or two about the data and its units
     */
    public DatasetInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        title = title == null ? id : title;
        columns = List.copyOf(columns == null ? List.of() : columns);
        description = description == null ? "" : description;
    }
}
