package dev.lectern.server.experiment;

import dev.lectern.datasets.Checksums;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.server.store.Jdbc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Files of an experiment, each recorded with its sha256 and its bytes in the database, so a model trained on one
 * machine is served by another (issue #14); {@code <data>/artifacts/<id>/} is each node's local copy. A file missing
 * there is written from the database; a file there whose checksum is wrong is refused, never silently replaced.
 */
public final class ArtifactStore {

    static final String MODEL_DIR = "model";
    static final String VIEWS_FILE = "views.json";
    static final String INPUTS_FILE = "predict-inputs.json";

    private final Path root;
    private final Jdbc jdbc;
    private final java.util.Set<Long> complete = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Creates the store.
     *
     * @param root the artifacts directory
     * @param jdbc the JDBC helper
     */
    public ArtifactStore(Path root, Jdbc jdbc) {
        this.root = root;
        this.jdbc = jdbc;
    }

    /** Saves the trained model, its views and its predict-input declarations, and records every file written. */
    void save(long experimentId, TrainedModel model, String viewsJson, String inputsJson) throws IOException {
        Path dir = directory(experimentId);
        deleteTree(dir);
        Path modelDir = Files.createDirectories(dir.resolve(MODEL_DIR));
        model.save(modelDir);
        Files.writeString(dir.resolve(VIEWS_FILE), viewsJson, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(INPUTS_FILE), inputsJson, StandardCharsets.UTF_8);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            jdbc.update(
                    "DELETE FROM artifacts WHERE experiment_id = ? AND path = ?", experimentId, relative(dir, file));
            jdbc.update(
                    "INSERT INTO artifacts (experiment_id, path, sha256, size_bytes, content) VALUES (?, ?, ?, ?, ?)",
                    experimentId,
                    relative(dir, file),
                    Checksums.sha256(file),
                    Files.size(file),
                    Files.readAllBytes(file));
        }
    }

    /**
     * Stores in the database the bytes of files recorded before the database kept them (runs trained before
     * issue #14, or moved from an H2 file), from this node's copy, so workers and other web nodes can serve them.
     *
     * @return how many files were stored
     */
    public int storeLocalCopies() throws IOException {
        record Missing(long experimentId, String path, String sha256) {}
        List<Missing> missing = jdbc.query(
                "SELECT experiment_id, path, sha256 FROM artifacts WHERE content IS NULL",
                rs -> new Missing(rs.getLong(1), rs.getString(2), rs.getString(3)));
        int stored = 0;
        for (Missing m : missing) {
            Path file = directory(m.experimentId()).resolve(m.path());
            if (Files.isRegularFile(file) && m.sha256().equals(Checksums.sha256(file))) {
                jdbc.update(
                        "UPDATE artifacts SET content = ? WHERE experiment_id = ? AND path = ?",
                        Files.readAllBytes(file),
                        m.experimentId(),
                        m.path());
                stored++;
            }
        }
        return stored;
    }

    /** Writes from the database each recorded file this node has no copy of (a run another node trained). */
    private void copyFromDatabase(long experimentId) throws IOException {
        if (complete.contains(experimentId)) {
            // A saved model never changes: once every file is here, the page's reads need no query for it.
            return;
        }
        Path dir = directory(experimentId);
        List<String> paths =
                jdbc.query("SELECT path FROM artifacts WHERE experiment_id = ?", rs -> rs.getString(1), experimentId);
        for (String path : paths) {
            Path file = dir.resolve(path).normalize();
            if (!file.startsWith(dir) || Files.exists(file)) {
                continue;
            }
            Optional<byte[]> content = jdbc.queryOne(
                    "SELECT content FROM artifacts WHERE experiment_id = ? AND path = ?",
                    rs -> rs.getBytes(1),
                    experimentId,
                    path);
            if (content.isPresent() && content.get() != null) {
                Files.createDirectories(file.getParent());
                Path part = Files.createTempFile(file.getParent(), ".copy-", ".part");
                Files.write(part, content.get());
                Files.move(part, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        }
        if (!paths.isEmpty()
                && paths.stream().allMatch(p -> Files.exists(dir.resolve(p).normalize()))) {
            complete.add(experimentId);
        }
    }

    /** Returns the saved views JSON, verified against its recorded checksum. */
    public Optional<String> views(long experimentId) throws IOException {
        return read(experimentId, VIEWS_FILE);
    }

    /** Returns the saved predict-input declarations as JSON, verified against their recorded checksum. */
    public Optional<String> predictInputs(long experimentId) throws IOException {
        return read(experimentId, INPUTS_FILE);
    }

    private Optional<String> read(long experimentId, String name) throws IOException {
        copyFromDatabase(experimentId);
        Path file = directory(experimentId).resolve(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        verify(experimentId, file);
        return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Returns the saved model's directory after checking every recorded file of it. */
    public Path modelDirectory(long experimentId) throws IOException {
        copyFromDatabase(experimentId);
        Path dir = directory(experimentId);
        Path modelDir = dir.resolve(MODEL_DIR);
        if (!Files.isDirectory(modelDir)) {
            throw new IOException("experiment " + experimentId + " has no saved model");
        }
        List<String> paths = jdbc.query(
                "SELECT path FROM artifacts WHERE experiment_id = ? AND path LIKE ?",
                rs -> rs.getString(1),
                experimentId,
                MODEL_DIR + "/%");
        for (String path : paths) {
            verify(experimentId, dir.resolve(path));
        }
        return modelDir;
    }

    /**
     * Writes every recorded file of an experiment into a zip, each checked against its checksum first, so a
     * damaged file is refused with a clear error rather than handed out.
     *
     * @param experimentId the experiment
     * @param out where the zip goes; not closed
     * @throws IOException when a file is missing or damaged, or there is nothing saved
     */
    public void writeZip(long experimentId, java.io.OutputStream out) throws IOException {
        copyFromDatabase(experimentId);
        Path dir = directory(experimentId);
        List<String> paths = jdbc.query(
                "SELECT path FROM artifacts WHERE experiment_id = ? ORDER BY " + jdbc.byCodePoint("path"),
                rs -> rs.getString(1),
                experimentId);
        if (paths.isEmpty()) {
            throw new IOException("experiment " + experimentId + " has no saved model");
        }
        for (String path : paths) {
            verify(experimentId, dir.resolve(path));
        }
        java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out);
        for (String path : paths) {
            zip.putNextEntry(new java.util.zip.ZipEntry("experiment-" + experimentId + "/" + path));
            Files.copy(dir.resolve(path), zip);
            zip.closeEntry();
        }
        zip.finish();
    }

    /** Deletes an experiment's files. */
    public void delete(long experimentId) throws IOException {
        complete.remove(experimentId);
        deleteTree(directory(experimentId));
    }

    private void verify(long experimentId, Path file) throws IOException {
        String path = relative(directory(experimentId), file);
        Optional<String> expected = jdbc.queryOne(
                "SELECT sha256 FROM artifacts WHERE experiment_id = ? AND path = ?",
                rs -> rs.getString(1),
                experimentId,
                path);
        if (expected.isEmpty()) {
            throw new IOException("artifact " + path + " of experiment " + experimentId + " is not recorded");
        }
        if (!Files.exists(file) || !expected.get().equals(Checksums.sha256(file))) {
            throw new IOException("artifact " + path + " of experiment " + experimentId
                    + " is missing or damaged (checksum mismatch); retrain the experiment");
        }
    }

    private Path directory(long experimentId) {
        return root.resolve(Long.toString(experimentId));
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
