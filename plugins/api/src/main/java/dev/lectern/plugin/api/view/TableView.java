package dev.lectern.plugin.api.view;

import java.util.List;

/**
 * A small table of text cells.
 *
 * @param title the heading
 * @param headers the column headers
 * @param rows the rows, each as long as the headers
 */
public record TableView(String title, List<String> headers, List<List<String>> rows) implements View {

    /**
     * Creates the record and checks its fields.
     *
     * @param title the heading
     * @param headers the column headers
     * @param rows the rows, each as long as the headers
     */
    public TableView {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("table '" + title + "' has a row of " + row.size() + " cells for "
                        + headers.size() + " headers");
            }
        }
    }
}
