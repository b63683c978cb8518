package dev.lectern.server.dataset;

import dev.lectern.datasets.DatasetService;
import dev.lectern.datasets.DatasetSpec;
import dev.lectern.datasets.load.CsvUpload;
import dev.lectern.datasets.load.TextFormat;
import dev.lectern.plugin.api.DataFacts;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.server.ConflictException;
import dev.lectern.server.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores, registers and deletes uploaded CSV data sets: the file under {@code <data>/uploads/<id>.csv}, its row in
 * the database, and its entry in the {@link DatasetService}'s catalog.
 */
public final class DatasetUploads {

    /** Room for the multipart framing and the small form fields around the file. */
    public static final long MULTIPART_SLACK = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(DatasetUploads.class);
    private static final int MAX_TITLE = 200;
    private static final int MAX_SLUG = 50;

    private final UploadRepository repository;
    private final DatasetService datasets;
    private final Path dir;
    private final long maxBytes;
    // Serialises choosing an id with storing it, so two uploads of "data.csv" at once get different ids.
    private final Object ids = new Object();

    /**
     * Creates the service.
     *
     * @param repository the stored uploads
     * @param datasets the service every data set is loaded through
     * @param dir the uploads directory
     * @param maxBytes the largest file accepted
     */
    public DatasetUploads(UploadRepository repository, DatasetService datasets, Path dir, long maxBytes) {
        this.repository = repository;
        this.datasets = datasets;
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    /** Returns the largest file accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** Returns the directory partly received uploads are spooled to; emptied at start-up. */
    public Path incomingDir() {
        return dir.resolve(".incoming");
    }

    /**
     * Registers every stored upload with the data set service; called once at start-up. An upload whose file is
     * missing is still registered, so that it is listed, its loads fail with a clear message, and it can be deleted.
     *
     * @return how many were registered
     * @throws IOException when the uploads directory cannot be created
     */
    public int registerAll() throws IOException {
        Files.createDirectories(incomingDir());
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(incomingDir())) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
        storeLocalCopies();
        int count = 0;
        for (UploadedDataset upload : repository.all()) {
            if (register(upload.facts().known() ? upload : withComputedFacts(upload))) {
                count++;
            }
        }
        return count;
    }

    /**
     * Registers a data set uploaded through another node (a worker learns of uploads made on the web node when a
     * run asks for one), writing its file from the database.
     *
     * @param id the data set
     * @return whether it is registered now
     */
    public boolean registerFromStore(String id) {
        if (datasets.isRegistered(id)) {
            return true;
        }
        synchronized (ids) {
            return repository.find(id).map(this::register).orElse(false);
        }
    }

    private boolean register(UploadedDataset upload) {
        Path file = dir.resolve(upload.fileName());
        try {
            if (!Files.exists(file)) {
                copyFromStore(upload, file);
            }
            datasets.register(upload.spec(), file);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            LOG.warn("uploaded data set '{}' is not available: {}", upload.id(), e.getMessage());
            return false;
        }
    }

    /**
     * Computes and stores the facts of an upload made before they were kept, from its file (written from the database
     * first when this node lacks it); an upload whose file cannot be read keeps unknown facts, which every plugin's
     * requirements let pass, and fails when it is loaded, as before.
     */
    private UploadedDataset withComputedFacts(UploadedDataset upload) {
        Path file = dir.resolve(upload.fileName());
        try {
            if (!Files.exists(file)) {
                copyFromStore(upload, file);
            }
            if (!Files.isRegularFile(file)) {
                return upload;
            }
            DataFacts facts;
            if (upload.kind() == DatasetKind.TEXT) {
                facts = DataFacts.unlabelled(0, upload.rows());
            } else {
                DatasetSpec spec = upload.spec();
                facts = DataFacts.of(spec.format().read(file, spec.info()).table());
            }
            repository.storeFacts(upload.id(), facts);
            LOG.info(
                    "data set '{}': {}, {} features (computed once for an older upload)",
                    upload.id(),
                    facts.describe(),
                    facts.features());
            return upload.withFacts(facts);
        } catch (IOException | RuntimeException e) {
            LOG.warn("the facts of uploaded data set '{}' could not be computed: {}", upload.id(), e.getMessage());
            return upload;
        }
    }

    private void copyFromStore(UploadedDataset upload, Path file) throws IOException {
        Optional<byte[]> content = repository.content(upload.id());
        if (content.isEmpty()) {
            return;
        }
        String sha256 = HexFormat.of().formatHex(sha256().digest(content.get()));
        if (!sha256.equals(upload.sha256())) {
            throw new IOException("the stored bytes of '" + upload.id() + "' do not match its checksum");
        }
        Files.createDirectories(incomingDir());
        Path part = Files.createTempFile(incomingDir(), "copy-", ".part");
        Files.write(part, content.get());
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Stores the bytes of uploads made before the database kept them, from this node's files. */
    private void storeLocalCopies() throws IOException {
        for (String id : repository.withoutContent()) {
            Optional<UploadedDataset> upload = repository.find(id);
            if (upload.isEmpty()) {
                continue;
            }
            Path file = dir.resolve(upload.get().fileName());
            if (Files.isRegularFile(file)) {
                repository.storeContent(id, Files.readAllBytes(file));
            }
        }
    }

    /** Returns every upload, oldest first. */
    public List<UploadedDataset> all() {
        return repository.all();
    }

    /**
     * Who uploaded a data set.
     *
     * @param id the data set
     * @return empty when it is not an upload; else its owner, empty when made without accounts
     */
    public Optional<Optional<String>> owner(String id) {
        return repository.owner(id);
    }

    /** Finds an upload. */
    public Optional<UploadedDataset> find(String id) {
        return repository.find(id);
    }

    /**
     * Reads an upload to its size limit, checks and parses it, and stores and registers it under a new id.
     *
     * @param content the file's bytes; read at most to the limit, not closed
     * @param originalName the file's name on the uploader's machine
     * @param name the title to give it, blank for the file's name
     * @param label the label column's name or 1-based number, blank for the last column; ignored for text
     * @param kind {@code table} (blank too) for a CSV file, {@code text} for plain text
     * @return the stored upload
     * @throws UploadTooLargeException when the content exceeds the limit
     * @throws dev.lectern.datasets.load.DatasetFormatException naming the line and column at fault
     * @throws InvalidParameterException on {@code label} or {@code name}
     * @throws IOException when the file cannot be written
     */
    public UploadedDataset upload(InputStream content, String originalName, String name, String label, String kind)
            throws IOException {
        return upload(content, originalName, name, label, kind, null);
    }

    /**
     * Uploads a data set on behalf of an account: as {@link #upload(InputStream, String, String, String, String)}, and
     * the upload belongs to the account from the moment it is registered.
     *
     * @param content the file's bytes
     * @param originalName the file's name on the uploader's machine
     * @param name the title, blank for the file's name
     * @param label the label column, blank for the last
     * @param kind table or text
     * @param owner the account, or null without accounts
     * @return the stored upload
     * @throws IOException when the file cannot be written
     */
    public UploadedDataset upload(
            InputStream content, String originalName, String name, String label, String kind, String owner)
            throws IOException {
        DatasetKind dataKind = kind(kind);
        String title = name == null ? "" : name.strip();
        if (title.length() > MAX_TITLE) {
            throw new InvalidParameterException(
                    "name", "name must be at most " + MAX_TITLE + " characters, got " + title.length());
        }
        String source = sourceName(originalName);
        Files.createDirectories(incomingDir());
        Path part = Files.createTempFile(incomingDir(), "upload-", ".part");
        try {
            String sha256;
            long size;
            try (OutputStream out = Files.newOutputStream(part)) {
                MessageDigest digest = sha256();
                size = copy(content, out, digest);
                sha256 = HexFormat.of().formatHex(digest.digest());
            }
            CsvUpload parsed = dataKind == DatasetKind.TABLE ? CsvUpload.parse(part, source, label) : null;
            long rows = parsed != null
                    ? parsed.table().rows()
                    : TextFormat.readText(part, source).length();
            // Kept with the row, so plugin pages and run requests know the label without reading the file again.
            DataFacts facts = parsed != null ? DataFacts.of(parsed.table()) : DataFacts.unlabelled(0, rows);
            synchronized (ids) {
                String id = newId(title.isEmpty() ? stem(source) : title);
                Path target = dir.resolve(UploadedDataset.fileName(id, dataKind));
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
                UploadedDataset upload = new UploadedDataset(
                        id,
                        title.isEmpty() ? source : title,
                        source,
                        sha256,
                        size,
                        rows,
                        parsed != null ? parsed.format().delimiter() : ',',
                        parsed != null && parsed.format().hasHeader(),
                        parsed != null ? parsed.columns() : List.of(),
                        Instant.now().truncatedTo(ChronoUnit.MILLIS),
                        dataKind,
                        facts);
                store(upload, target, owner);
                LOG.info("data set '{}' uploaded from {}: {} rows, {} bytes", id, source, upload.rows(), size);
                return upload;
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /**
     * Deletes an upload: its catalog entry, its row and its file.
     *
     * @param id the upload's id
     * @throws ConflictException for a built-in data set
     * @throws NotFoundException when no upload has the id
     */
    public void delete(String id) throws IOException {
        if (datasets.isBuiltIn(id)) {
            throw new ConflictException("data set '" + id + "' is built in; only uploaded data sets can be deleted");
        }
        synchronized (ids) {
            if (!repository.exists(id)) {
                throw new NotFoundException("data set '" + id + "' does not exist");
            }
            Optional<UploadedDataset> upload = repository.find(id);
            datasets.unregister(id);
            repository.delete(id);
            Files.deleteIfExists(
                    dir.resolve(upload.map(UploadedDataset::fileName).orElse(id + ".csv")));
        }
        LOG.info("uploaded data set '{}' deleted", id);
    }

    private static DatasetKind kind(String kind) {
        String k = kind == null ? "" : kind.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (k) {
            case "", "table" -> DatasetKind.TABLE;
            case "text" -> DatasetKind.TEXT;
            default ->
                throw new InvalidParameterException(
                        "kind",
                        "kind must be table or text, got '" + (k.length() > 20 ? k.substring(0, 20) + "…" : k) + "'");
        };
    }

    private void store(UploadedDataset upload, Path file, String owner) throws IOException {
        try {
            repository.insert(upload);
            repository.storeContent(upload.id(), Files.readAllBytes(file));
            // Owned before it is registered, so no one else sees it for a moment.
            if (owner != null) {
                repository.setOwner(upload.id(), owner);
            }
            datasets.register(upload.spec(), file);
        } catch (RuntimeException e) {
            repository.delete(upload.id());
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private long copy(InputStream in, OutputStream out, MessageDigest digest) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > maxBytes) {
                throw new UploadTooLargeException(maxBytes);
            }
            digest.update(buffer, 0, n);
            out.write(buffer, 0, n);
        }
        return total;
    }

    /** Picks the first free id among {@code slug}, {@code slug-2}, … or {@code upload-1}, {@code upload-2}, …. */
    private String newId(String wanted) {
        String slug = slug(wanted);
        if (!slug.isEmpty() && free(slug)) {
            return slug;
        }
        String base = slug.isEmpty() ? "upload" : slug;
        for (int n = slug.isEmpty() ? 1 : 2; n < 100_000; n++) {
            if (free(base + "-" + n)) {
                return base + "-" + n;
            }
        }
        throw new ConflictException("no free data set id for '" + base + "'; choose another name");
    }

    private boolean free(String id) {
        return datasets.catalog().find(id).isEmpty() && !repository.exists(id);
    }

    /** Lower-case ASCII letters and digits joined by single hyphens, as data set ids are. */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        return slug;
    }

    /** The uploader's file name without any folders or control characters, for messages and display. */
    static String sourceName(String originalName) {
        String name = originalName == null ? "" : originalName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
        return name.isEmpty() ? "upload.csv" : name;
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
