package dev.lectern.datasets;

import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.InvalidParameterException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Picks a table column from what a person typed: its name, or its number counted from 1 as in error messages
 * ("line 3, column 2").
 */
public final class ColumnChoice {

    private static final int NAMES_SHOWN = 12;

    private ColumnChoice() {}

    /**
     * Resolves a choice to a column index.
     *
     * @param columns the columns to choose from
     * @param choice a column name (exact, else case-insensitive and unique) or a number from 1 to the column
     *        count; blank or null for the fallback
     * @param field the request field the choice came from, named in the error
     * @param fallback the 0-based index used when nothing was chosen
     * @return the chosen column's 0-based index
     * @throws InvalidParameterException naming {@code field} when no column matches
     */
    public static int resolve(List<Column> columns, String choice, String field, int fallback) {
        if (choice == null || choice.isBlank()) {
            return fallback;
        }
        String wanted = choice.strip();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(wanted)) {
                return i;
            }
        }
        int found = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
                found = found == -1 ? i : -2;
            }
        }
        if (found >= 0) {
            return found;
        }
        if (wanted.matches("\\d{1,9}")) {
            int number = Integer.parseInt(wanted);
            if (number >= 1 && number <= columns.size()) {
                return number - 1;
            }
        }
        throw new InvalidParameterException(
                field,
                field + " must be a column name (" + names(columns) + ") or a column number from 1 to " + columns.size()
                        + "; got '" + shorten(wanted) + "'");
    }

    private static String names(List<Column> columns) {
        String shown = columns.stream().limit(NAMES_SHOWN).map(Column::name).collect(Collectors.joining(", "));
        return columns.size() > NAMES_SHOWN ? shown + ", …" : shown;
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
