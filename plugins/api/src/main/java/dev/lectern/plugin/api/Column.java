package dev.lectern.plugin.api;

import java.util.Objects;

/**
 * One named column of a table and its role.
 *
 * @param name the column's display name
 * @param role what the column is used for
 */
public record Column(String name, ColumnRole role) {

    /**
     * Creates the record and checks its fields.
     *
     * @param name the column's display name
     * @param role what the column is used for
     */
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }
}
