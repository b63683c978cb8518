package dev.lectern.datasets;

import dev.lectern.datasets.load.FileFormat;
import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A catalog entry: what a data set is, where its file comes from and how to read it, or how to generate it.
 *
 * <p>A spec is either file-backed ({@code fileName}, {@code sha256} and {@code format} set, {@code generator}
 * null) or generated (the reverse). Use {@link #file} and {@link #generated} rather than the canonical
 * constructor.
 *
 * @param id the identifier, lower-case letters, digits, {@code -} and {@code _}
 * @param title a human title
 * @param kind the data's shape
 * @param columns the columns with their roles, in file order; empty for kinds other than tables
 * @param description what the data is, with units
 * @param license the terms, or a statement that none are known
 * @param fileName the file's relative path in the mirror and the cache, such as {@code ex1data1.txt}
 * @param sha256 the file's SHA-256, lower-case hex
 * @param downloadUrls public sources of the exact file, tried in order
 * @param format how to read the file
 * @param generator how to generate the data
 */
public record DatasetSpec(String id, String title, DatasetKind kind, List<Column> columns, String description,
        String license, String fileName, String sha256, List<URI> downloadUrls, FileFormat format,
        DatasetGenerator generator) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    // Relative paths of plain segments only, because the name is joined to the mirror and cache directories.
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

    /** Checks that the spec is exactly one of file-backed and generated, and that its file name is safe. */
    public DatasetSpec {
        Objects.requireNonNull(kind, "kind");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("invalid data set id '" + id + "'");
        }
        title = title == null ? id : title;
        columns = List.copyOf(columns == null ? List.of() : columns);
        description = description == null ? "" : description;
        license = license == null ? "" : license;
        downloadUrls = List.copyOf(downloadUrls == null ? List.of() : downloadUrls);
        if (generator == null) {
            requireFileFields(id, fileName, sha256, format);
        } else if (fileName != null || sha256 != null || format != null || !downloadUrls.isEmpty()) {
            throw new IllegalArgumentException("data set '" + id + "' has a generator and file fields");
        }
    }

    /**
     * Creates a file-backed spec.
     *
     * @param id the identifier
     * @param title a human title
     * @param kind the data's shape
     * @param columns the columns with their roles
     * @param description what the data is, with units
     * @param license the terms
     * @param fileName the file's relative path in the mirror and the cache
     * @param sha256 the file's SHA-256, lower-case hex
     * @param downloadUrls public sources of the exact file
     * @param format how to read the file
     * @return the spec
     */
    public static DatasetSpec file(String id, String title, DatasetKind kind, List<Column> columns,
            String description, String license, String fileName, String sha256, List<URI> downloadUrls,
            FileFormat format) {
        return new DatasetSpec(id, title, kind, columns, description, license, fileName, sha256, downloadUrls,
                format, null);
    }

    /**
     * Creates a generated spec.
     *
     * @param id the identifier
     * @param title a human title
     * @param kind the data's shape
     * @param columns the columns with their roles
     * @param description what the data is, with the truth it was drawn from
     * @param license the terms
     * @param generator how to generate the data
     * @return the spec
     */
    public static DatasetSpec generated(String id, String title, DatasetKind kind, List<Column> columns,
            String description, String license, DatasetGenerator generator) {
        return new DatasetSpec(id, title, kind, columns, description, license, null, null, null, null,
                Objects.requireNonNull(generator, "generator"));
    }

    /**
     * Returns what a plugin may know about the data set before it is loaded.
     *
     * @return the metadata
     */
    public DatasetInfo info() {
        return new DatasetInfo(id, title, kind, columns, description);
    }

    /**
     * Returns whether the data set is generated rather than read from a file.
     *
     * @return true for generated data sets
     */
    public boolean generated() {
        return generator != null;
    }

    private static void requireFileFields(String id, String fileName, String sha256, FileFormat format) {
        if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("data set '" + id + "' has an invalid file name '" + fileName + "'");
        }
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("data set '" + id + "' needs a lower-case hex SHA-256, got " + sha256);
        }
        Objects.requireNonNull(format, "format");
    }
}
