package dev.lectern.datasets;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a verified local copy of a data set file: in the mirror, in the cache, or by downloading it.
 *
 * <p>Every candidate is checked against the catalog's SHA-256, so a stale mirror, a truncated cache entry
 * or a changed upstream file is never trained on. Downloads go to a temporary file beside the cache entry
 * and are moved into place atomically after verification: concurrent runs, in this JVM or another
 * process sharing the cache, see either no file or a complete one.
 */
public final class DatasetResolver {

    private final Optional<Path> mirrorDir;
    private final Path cacheDir;
    private final Downloader downloader;
    // One lock per file, so that two runs in this JVM wanting the same file download it once.
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    /**
     * Creates a resolver that downloads with {@link HttpDownloader}.
     *
     * @param mirrorDir a read-only directory holding data set files, if any
     * @param cacheDir the directory downloads are kept in, created when needed
     */
    public DatasetResolver(Optional<Path> mirrorDir, Path cacheDir) {
        this(mirrorDir, cacheDir, new HttpDownloader());
    }

    /**
     * Creates a resolver.
     *
     * @param mirrorDir a read-only directory holding data set files, if any
     * @param cacheDir the directory downloads are kept in, created when needed
     * @param downloader fetches download URLs
     */
    public DatasetResolver(Optional<Path> mirrorDir, Path cacheDir, Downloader downloader) {
        this.mirrorDir = Objects.requireNonNull(mirrorDir, "mirrorDir");
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
        this.downloader = Objects.requireNonNull(downloader, "downloader");
    }

    /**
     * Returns a verified local copy of a file-backed data set, trying the mirror, the cache, then each URL.
     *
     * @param spec a file-backed spec
     * @param listener receives progress
     * @return the verified file, in the mirror or the cache
     * @throws DatasetUnavailableException when no source supplies the file, naming every source tried
     * @throws InterruptedIOException when the thread is interrupted while downloading
     */
    public Path resolve(DatasetSpec spec, FetchListener listener) throws IOException {
        if (spec.generated()) {
            throw new IllegalArgumentException("data set '" + spec.id() + "' is generated and has no file");
        }
        synchronized (locks.computeIfAbsent(spec.fileName(), name -> new Object())) {
            return resolveLocked(spec, listener);
        }
    }

    private Path resolveLocked(DatasetSpec spec, FetchListener listener) throws IOException {
        List<String> tried = new ArrayList<>();
        if (mirrorDir.isPresent()) {
            Path mirrored = mirrorDir.get().resolve(spec.fileName());
            Optional<String> problem = problem(mirrored, spec.sha256());
            if (problem.isEmpty()) {
                listener.onEvent(FetchEvent.message("using mirror " + mirrored));
                return mirrored;
            }
            tried.add("mirror " + mirrored + " (" + problem.get() + ")");
        } else {
            tried.add("mirror (none configured)");
        }
        Path cached = cacheDir.resolve(spec.fileName());
        Optional<String> problem = problem(cached, spec.sha256());
        if (problem.isEmpty()) {
            listener.onEvent(FetchEvent.message("using cache " + cached));
            return cached;
        }
        if (Files.isRegularFile(cached)) {
            problem = Optional.of(problem.get() + discard(cached));
        }
        tried.add("cache " + cached + " (" + problem.get() + ")");
        for (URI url : spec.downloadUrls()) {
            try {
                download(url, cached, spec.sha256(), listener);
                return cached;
            } catch (IOException | IllegalArgumentException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("fetching data set '" + spec.id() + "' was interrupted");
                }
                tried.add(url + " (" + FetchFailures.describe(e) + ")");
            }
        }
        throw new DatasetUnavailableException(spec.id(), tried);
    }

    private void download(URI url, Path target, String sha256, FetchListener listener) throws IOException {
        Files.createDirectories(target.getParent());
        Path part = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".part");
        try {
            downloader.download(url, part, listener);
            String found = Checksums.sha256(part);
            if (!found.equals(sha256)) {
                throw new IOException(FetchFailures.mismatch(sha256, found));
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            listener.onEvent(FetchEvent.message("verified " + target));
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static Optional<String> problem(Path file, String sha256) {
        if (!Files.isRegularFile(file)) {
            return Optional.of("missing");
        }
        try {
            String found = Checksums.sha256(file);
            return found.equals(sha256) ? Optional.empty() : Optional.of(FetchFailures.mismatch(sha256, found));
        } catch (IOException e) {
            return Optional.of("unreadable: " + FetchFailures.describe(e));
        }
    }

    private static String discard(Path file) {
        try {
            Files.deleteIfExists(file);
            return ", deleted";
        } catch (IOException e) {
            return ", not deleted: " + FetchFailures.describe(e);
        }
    }
}
