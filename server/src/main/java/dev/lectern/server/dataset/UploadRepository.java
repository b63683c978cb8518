package dev.lectern.server.dataset;

import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.DataFacts;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.LabelKind;
import dev.lectern.server.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The rows of {@code uploaded_datasets} and {@code uploaded_dataset_columns}. */
public final class UploadRepository {

    private static final String COLUMNS = "id, title, original_name, sha256, size_bytes, row_count, field_delimiter, "
            + "has_header, created_at, data_kind, feature_count, label_kind, label_classes, label_min, label_max";

    private final Jdbc jdbc;

    /**
     * Creates the repository.
     *
     * @param jdbc the JDBC helper
     */
    public UploadRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps an upload's bytes, so a worker on another machine can train on it. */
    void storeContent(String id, byte[] content) {
        jdbc.update("UPDATE uploaded_datasets SET content = ? WHERE id = ?", content, id);
    }

    /** An upload's stored bytes; empty when it has none (an upload made before the database kept them). */
    Optional<byte[]> content(String id) {
        return jdbc.queryOne(
                "SELECT content FROM uploaded_datasets WHERE id = ? AND content IS NOT NULL", rs -> rs.getBytes(1), id);
    }

    /** The ids of uploads whose bytes the database lacks. */
    List<String> withoutContent() {
        return jdbc.query("SELECT id FROM uploaded_datasets WHERE content IS NULL", rs -> rs.getString(1));
    }

    /** Stores an upload and its columns; the row is removed again when the columns cannot be stored. */
    void insert(UploadedDataset d) {
        jdbc.update(
                "INSERT INTO uploaded_datasets (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.id(),
                d.title(),
                d.originalName(),
                d.sha256(),
                d.sizeBytes(),
                d.rows(),
                String.valueOf(d.delimiter()),
                d.hasHeader(),
                OffsetDateTime.ofInstant(d.createdAt(), ZoneOffset.UTC),
                d.kind().name(),
                featureCount(d.facts()),
                labelKind(d.facts()),
                labelClasses(d.facts()),
                finite(d.facts().min()),
                finite(d.facts().max()));
        List<Object[]> columns = new ArrayList<>();
        for (int i = 0; i < d.columns().size(); i++) {
            columns.add(new Object[] {
                d.id(), i, d.columns().get(i).name(), d.columns().get(i).role().name()
            });
        }
        try {
            jdbc.batch(
                    "INSERT INTO uploaded_dataset_columns (dataset_id, column_index, column_name, column_role) "
                            + "VALUES (?, ?, ?, ?)",
                    columns);
        } catch (RuntimeException e) {
            delete(d.id());
            throw e;
        }
    }

    /** Returns every upload, oldest first. */
    List<UploadedDataset> all() {
        Map<String, List<Column>> columns = new HashMap<>();
        for (OwnedColumn c : jdbc.query(
                "SELECT dataset_id, column_name, column_role FROM uploaded_dataset_columns "
                        + "ORDER BY dataset_id, column_index",
                rs -> new OwnedColumn(rs.getString(1), column(rs, 2)))) {
            columns.computeIfAbsent(c.datasetId(), k -> new ArrayList<>()).add(c.column());
        }
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM uploaded_datasets ORDER BY created_at, " + jdbc.byCodePoint("id"),
                rs -> map(rs, columns.getOrDefault(rs.getString("id"), List.of())));
    }

    /** Finds one upload. */
    Optional<UploadedDataset> find(String id) {
        List<Column> columns = jdbc.query(
                "SELECT column_name, column_role FROM uploaded_dataset_columns "
                        + "WHERE dataset_id = ? ORDER BY column_index",
                rs -> column(rs, 1),
                id);
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM uploaded_datasets WHERE id = ?", rs -> map(rs, columns), id);
    }

    /** Stores the facts of an upload made before they were kept; its row count is already stored. */
    void storeFacts(String id, DataFacts facts) {
        jdbc.update(
                "UPDATE uploaded_datasets SET feature_count = ?, label_kind = ?, label_classes = ?, label_min = ?, "
                        + "label_max = ? WHERE id = ?",
                featureCount(facts),
                labelKind(facts),
                labelClasses(facts),
                finite(facts.min()),
                finite(facts.max()),
                id);
    }

    /** Records who uploaded a data set. */
    void setOwner(String id, String owner) {
        jdbc.update("UPDATE uploaded_datasets SET owner = ? WHERE id = ?", owner, id);
    }

    /** Who uploaded a data set: empty when it is no upload; else the owner, empty when made without accounts. */
    Optional<Optional<String>> owner(String id) {
        return jdbc.queryOne(
                "SELECT owner FROM uploaded_datasets WHERE id = ?", rs -> Optional.ofNullable(rs.getString(1)), id);
    }

    /** Returns whether an id is stored. */
    boolean exists(String id) {
        return jdbc.queryOne("SELECT 1 FROM uploaded_datasets WHERE id = ?", rs -> true, id)
                .isPresent();
    }

    /** Deletes an upload and its columns; returns whether it existed. */
    boolean delete(String id) {
        jdbc.update("DELETE FROM uploaded_dataset_columns WHERE dataset_id = ?", id);
        return jdbc.update("DELETE FROM uploaded_datasets WHERE id = ?", id) > 0;
    }

    private record OwnedColumn(String datasetId, Column column) {}

    private static Column column(ResultSet rs, int first) throws SQLException {
        return new Column(rs.getString(first), ColumnRole.valueOf(rs.getString(first + 1)));
    }

    private static UploadedDataset map(ResultSet rs, List<Column> columns) throws SQLException {
        return new UploadedDataset(
                rs.getString("id"),
                rs.getString("title"),
                rs.getString("original_name"),
                rs.getString("sha256"),
                rs.getLong("size_bytes"),
                rs.getLong("row_count"),
                rs.getString("field_delimiter").charAt(0),
                rs.getBoolean("has_header"),
                columns,
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                DatasetKind.valueOf(rs.getString("data_kind")),
                facts(rs));
    }

    private static DataFacts facts(ResultSet rs) throws SQLException {
        String kind = rs.getString("label_kind");
        if (kind == null) {
            return DataFacts.UNKNOWN;
        }
        int features = rs.getInt("feature_count");
        long rows = rs.getLong("row_count");
        return switch (LabelKind.valueOf(kind)) {
            case BINARY, CLASSES -> DataFacts.classes(features, rows, classes(rs.getString("label_classes")));
            case CONTINUOUS ->
                DataFacts.continuous(features, rows, rs.getDouble("label_min"), rs.getDouble("label_max"));
            case NONE -> DataFacts.unlabelled(features, rows);
            case UNKNOWN -> DataFacts.UNKNOWN;
        };
    }

    private static List<Integer> classes(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(","))
                .map(String::strip)
                .map(Integer::valueOf)
                .toList();
    }

    private static Integer featureCount(DataFacts facts) {
        return facts.known() && facts.features() >= 0 ? facts.features() : null;
    }

    private static String labelKind(DataFacts facts) {
        return facts.known() ? facts.label().name() : null;
    }

    private static String labelClasses(DataFacts facts) {
        return facts.classes().isEmpty()
                ? null
                : facts.classes().stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
