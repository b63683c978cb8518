package dev.lectern.datasets;

import dev.lectern.datasets.load.FileFormat;
import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.DataFacts;
import dev.lectern.plugin.api.DatasetInfo;
import dev.lectern.plugin.api.DatasetKind;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A catalog entry: what a data set is, where its files come from and how to read them, or how to generate it.
 *
 * <p>A spec is either file-backed ({@code files} and {@code format} set, {@code generator} null) or generated
 * (the reverse). Most data sets are one file: {@link #file} fills {@code fileName}, {@code sha256} and
 * {@code downloadUrls}, and {@code files} holds that one file. A data set of several files, such as MNIST's four
 * IDX files, is made with {@link #files}; then {@code fileName}, {@code sha256} and {@code downloadUrls} describe
 * its first file, so that code which shows "the file" of a data set keeps working. Use the factories rather than
 * the canonical constructor.
 *
 * @param id the identifier, lower-case letters, digits, {@code -} and {@code _}
 * @param title a human title
 * @param kind the data's shape
 * @param columns the columns with their roles, in file order; empty for kinds other than tables
 * @param description what the data is, with units
 * @param license the terms, or a statement that none are known
 * @param fileName the (first) file's relative path in the mirror and the cache, such as {@code ex1data1.txt}
 * @param sha256 the (first) file's SHA-256, lower-case hex
 * @param downloadUrls public sources of the exact (first) file, tried in order
 * @param format how to read the file
 * @param generator how to generate the data
 * @param files every file of a file-backed data set, in the order its format reads them; empty when generated
 * @param facts the features, rows and label of the data, known before it is loaded ({@link DataFacts#UNKNOWN} when
 *     not); plugins see them in {@link DatasetInfo#facts()}
 */
public record DatasetSpec(
        String id,
        String title,
        DatasetKind kind,
        List<Column> columns,
        String description,
        String license,
        String fileName,
        String sha256,
        List<URI> downloadUrls,
        FileFormat format,
        DatasetGenerator generator,
        List<DataFile> files,
        DataFacts facts) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    /**
     * Creates a single-file or generated spec, as before data sets could have several files.
     *
     * @param id the identifier
     * @param title a human title
     * @param kind the data's shape
     * @param columns the columns with their roles
     * @param description what the data is
     * @param license the terms
     * @param fileName the file's relative path, or null when generated
     * @param sha256 the file's SHA-256, or null when generated
     * @param downloadUrls public sources of the exact file
     * @param format how to read the file, or null when generated
     * @param generator how to generate the data, or null when file-backed
     */
    public DatasetSpec(
            String id,
            String title,
            DatasetKind kind,
            List<Column> columns,
            String description,
            String license,
            String fileName,
            String sha256,
            List<URI> downloadUrls,
            FileFormat format,
            DatasetGenerator generator) {
        this(id, title, kind, columns, description, license, fileName, sha256, downloadUrls, format, generator, null);
    }

    /**
     * Creates a spec without facts, as before data sets described their labels.
     *
     * @param id the identifier
     * @param title a human title
     * @param kind the data's shape
     * @param columns the columns with their roles
     * @param description what the data is
     * @param license the terms
     * @param fileName the (first) file's relative path, or null
     * @param sha256 the (first) file's SHA-256, or null
     * @param downloadUrls public sources of the (first) file
     * @param format how to read the files, or null when generated
     * @param generator how to generate the data, or null when file-backed
     * @param files every file, empty when generated or single-file
     */
    public DatasetSpec(
            String id,
            String title,
            DatasetKind kind,
            List<Column> columns,
            String description,
            String license,
            String fileName,
            String sha256,
            List<URI> downloadUrls,
            FileFormat format,
            DatasetGenerator generator,
            List<DataFile> files) {
        this(
                id,
                title,
                kind,
                columns,
                description,
                license,
                fileName,
                sha256,
                downloadUrls,
                format,
                generator,
                files,
                DataFacts.UNKNOWN);
    }

    /** Checks that the spec is exactly one of file-backed and generated, and that its file names are safe. */
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
        files = List.copyOf(files == null ? List.of() : files);
        facts = facts == null ? DataFacts.UNKNOWN : facts;
        if (generator != null) {
            if (fileName != null || sha256 != null || format != null || !downloadUrls.isEmpty() || !files.isEmpty()) {
                throw new IllegalArgumentException("data set '" + id + "' has a generator and file fields");
            }
        } else if (files.isEmpty()) {
            requireFileFields(id, fileName, sha256, format);
            files = List.of(new DataFile(fileName, sha256, downloadUrls));
        } else {
            Objects.requireNonNull(format, "format");
            requireDistinct(id, files);
            DataFile first = files.get(0);
            // The single-file fields mirror the first file; given explicitly they must agree with it.
            if ((fileName != null && !fileName.equals(first.name()))
                    || (sha256 != null && !sha256.equals(first.sha256()))
                    || (!downloadUrls.isEmpty() && !downloadUrls.equals(first.urls()))) {
                throw new IllegalArgumentException(
                        "data set '" + id + "' has file fields that differ from its first file");
            }
            fileName = first.name();
            sha256 = first.sha256();
            downloadUrls = first.urls();
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
    public static DatasetSpec file(
            String id,
            String title,
            DatasetKind kind,
            List<Column> columns,
            String description,
            String license,
            String fileName,
            String sha256,
            List<URI> downloadUrls,
            FileFormat format) {
        return new DatasetSpec(
                id, title, kind, columns, description, license, fileName, sha256, downloadUrls, format, null, null);
    }

    /**
     * Creates a spec backed by several files, such as MNIST's images and labels.
     *
     * @param id the identifier
     * @param title a human title
     * @param kind the data's shape
     * @param columns the columns with their roles, empty for kinds other than tables
     * @param description what the data is, with units
     * @param license the terms
     * @param files the files, in the order {@code format} reads them; names must be distinct
     * @param format how to read the files
     * @return the spec
     */
    public static DatasetSpec files(
            String id,
            String title,
            DatasetKind kind,
            List<Column> columns,
            String description,
            String license,
            List<DataFile> files,
            FileFormat format) {
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("data set '" + id + "' needs at least one file");
        }
        return new DatasetSpec(id, title, kind, columns, description, license, null, null, null, format, null, files);
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
    public static DatasetSpec generated(
            String id,
            String title,
            DatasetKind kind,
            List<Column> columns,
            String description,
            String license,
            DatasetGenerator generator) {
        return new DatasetSpec(
                id,
                title,
                kind,
                columns,
                description,
                license,
                null,
                null,
                null,
                null,
                Objects.requireNonNull(generator, "generator"),
                null);
    }

    /**
     * Returns what a plugin may know about the data set before it is loaded.
     *
     * @return the metadata
     */
    public DatasetInfo info() {
        return new DatasetInfo(id, title, kind, columns, description, facts);
    }

    /**
     * Returns this spec with the facts of its data.
     *
     * @param newFacts the features, rows and label
     * @return the new spec
     */
    public DatasetSpec withFacts(DataFacts newFacts) {
        return new DatasetSpec(
                id,
                title,
                kind,
                columns,
                description,
                license,
                fileName,
                sha256,
                downloadUrls,
                format,
                generator,
                generator == null ? files : null,
                newFacts);
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
        if (fileName == null || !DataFile.FILE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("data set '" + id + "' has an invalid file name '" + fileName + "'");
        }
        if (sha256 == null || !DataFile.SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("data set '" + id + "' needs a lower-case hex SHA-256, got " + sha256);
        }
        Objects.requireNonNull(format, "format");
    }

    private static void requireDistinct(String id, List<DataFile> files) {
        Set<String> names = new HashSet<>();
        for (DataFile file : files) {
            if (!names.add(file.name())) {
                throw new IllegalArgumentException("data set '" + id + "' lists file " + file.name() + " twice");
            }
        }
    }
}
