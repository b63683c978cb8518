package dev.lectern.server.testing;

import dev.lectern.server.LecternServer;
import dev.lectern.server.Settings;
import dev.lectern.server.SettingsParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts the real server in this JVM on a free port with its own data directory. */
public final class TestServer implements AutoCloseable {

    private final Path dataDir;
    private final String[] extraFlags;
    private LecternServer server;

    private TestServer(Path dataDir, String[] extraFlags) {
        this.dataDir = dataDir;
        this.extraFlags = extraFlags;
        this.server = LecternServer.start(settings(dataDir, extraFlags));
    }

    /** Starts a server on the given data directory, with optional further flags. */
    public static TestServer start(Path dataDir, String... extraFlags) {
        return new TestServer(dataDir, extraFlags);
    }

    /** Stops the server and starts a new one on the same data directory. */
    public TestServer restart() {
        server.close();
        server = LecternServer.start(settings(dataDir, extraFlags));
        return this;
    }

    /** Returns the base URL, ending without a slash. */
    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Returns the port it listens on. */
    public int port() {
        return server.port();
    }

    /** Returns the data directory. */
    public Path dataDir() {
        return dataDir;
    }

    /** Returns the mirror of real data sets the build passes in. */
    public static Path datasetMirror() {
        String property = System.getProperty("lectern.datasetMirror");
        Path mirror = property != null ? Path.of(property) : Path.of("..", "..", "shared", "datasets");
        if (!Files.isDirectory(mirror)) {
            throw new IllegalStateException("data set mirror not found at " + mirror.toAbsolutePath()
                    + "; pass -Dlectern.dataset.mirror=<dir> to Maven");
        }
        return mirror;
    }

    static Settings settings(Path dataDir, String... extraFlags) {
        List<String> flags = new ArrayList<>(List.of(
                "--port",
                "0",
                "--data-dir",
                dataDir.toString(),
                "--dataset-mirror",
                datasetMirror().toString(),
                "--concurrency",
                "2",
                "--name",
                "test-node"));
        // Named, not after the machine: answers recorded on one machine (the golden files) hold on another.
        // MNIST, fetched once per build into the build's cache, rather than once per test server.
        String cache = System.getProperty("lectern.datasetCache");
        if (cache != null && !cache.isBlank()) {
            flags.addAll(List.of("--dataset-cache", cache));
        }
        flags.addAll(List.of(extraFlags));
        return new SettingsParser(Map.of()).parse(flags.toArray(String[]::new));
    }

    @Override
    public void close() {
        server.close();
    }
}
