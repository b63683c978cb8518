package dev.lectern.server.dataset;

import dev.lectern.datasets.DatasetSpec;
import dev.lectern.datasets.load.CsvFormat;
import dev.lectern.datasets.load.TextFormat;
import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.DataFacts;
import dev.lectern.plugin.api.DatasetKind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A stored upload: one row of {@code uploaded_datasets} with its columns.
 *
 * @param id the data set id, also the file's name {@code <id>.csv} or {@code <id>.txt}
 * @param title the name the uploader gave, or the file's name
 * @param originalName the file's name on the uploader's machine, for display only
 * @param sha256 the stored file's SHA-256
 * @param sizeBytes the stored file's size
 * @param rows the data rows of a table, the characters of a text
 * @param delimiter the cell delimiter
 * @param hasHeader whether the first content line names the columns
 * @param columns the columns with their roles
 * @param createdAt when it was uploaded
 * @param kind {@link DatasetKind#TABLE} for a CSV file, {@link DatasetKind#TEXT} for plain text
 * @param facts the features, rows and label computed from the file when it was uploaded; {@link DataFacts#UNKNOWN}
 *     until known
 */
public record UploadedDataset(
        String id,
        String title,
        String originalName,
        String sha256,
        long sizeBytes,
        long rows,
        char delimiter,
        boolean hasHeader,
        List<Column> columns,
        Instant createdAt,
        DatasetKind kind,
        DataFacts facts) {

    static final String LICENSE = "Uploaded to this workbench; the uploader's terms apply.";
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Copies the column list. */
    public UploadedDataset {
        columns = List.copyOf(columns);
        facts = facts == null ? DataFacts.UNKNOWN : facts;
    }

    /**
     * Creates an upload whose facts are not known yet.
     *
     * @param id the data set id
     * @param title the title
     * @param originalName the uploader's file name
     * @param sha256 the file's SHA-256
     * @param sizeBytes the file's size
     * @param rows the rows, or characters of a text
     * @param delimiter the cell delimiter
     * @param hasHeader whether the first line names the columns
     * @param columns the columns with their roles
     * @param createdAt when it was uploaded
     * @param kind table or text
     */
    public UploadedDataset(
            String id,
            String title,
            String originalName,
            String sha256,
            long sizeBytes,
            long rows,
            char delimiter,
            boolean hasHeader,
            List<Column> columns,
            Instant createdAt,
            DatasetKind kind) {
        this(id, title, originalName, sha256, sizeBytes, rows, delimiter, hasHeader, columns, createdAt, kind, null);
    }

    /** Returns this upload with its facts. */
    UploadedDataset withFacts(DataFacts newFacts) {
        return new UploadedDataset(
                id,
                title,
                originalName,
                sha256,
                sizeBytes,
                rows,
                delimiter,
                hasHeader,
                columns,
                createdAt,
                kind,
                newFacts);
    }

    /** Returns the stored file's name in the uploads directory. */
    public String fileName() {
        return fileName(id, kind);
    }

    /** Returns the stored file's name of an upload of a kind. */
    static String fileName(String id, DatasetKind kind) {
        return id + (kind == DatasetKind.TEXT ? ".txt" : ".csv");
    }

    /** Returns the label column. */
    public Column label() {
        return columns.stream()
                .filter(c -> c.role() == ColumnRole.LABEL)
                .findFirst()
                .orElseThrow();
    }

    /** Returns the catalog entry the data set service loads it through. */
    public DatasetSpec spec() {
        if (kind == DatasetKind.TEXT) {
            return DatasetSpec.file(
                            id,
                            title,
                            DatasetKind.TEXT,
                            List.of(),
                            description(),
                            LICENSE,
                            fileName(),
                            sha256,
                            List.of(),
                            TextFormat.UTF8)
                    .withFacts(facts);
        }
        return DatasetSpec.file(
                        id,
                        title,
                        DatasetKind.TABLE,
                        columns,
                        description(),
                        LICENSE,
                        fileName(),
                        sha256,
                        List.of(),
                        new CsvFormat(delimiter, "#", hasHeader))
                .withFacts(facts);
    }

    /** Describes the upload in one sentence, as the built-ins' descriptions do. */
    public String description() {
        if (kind == DatasetKind.TEXT) {
            return "Uploaded from " + originalName + " on " + DAY.format(createdAt) + ": "
                    + String.format(Locale.ROOT, "%,d", rows) + " characters of text.";
        }
        long features =
                columns.stream().filter(c -> c.role() == ColumnRole.FEATURE).count();
        return "Uploaded from " + originalName + " on " + DAY.format(createdAt) + ": " + rows
                + (rows == 1 ? " row, " : " rows, ") + features + (features == 1 ? " feature" : " features")
                + " and the label '" + label().name() + "'.";
    }
}
