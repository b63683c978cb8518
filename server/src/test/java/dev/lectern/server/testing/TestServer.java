package dev.lectern.server.testing;

import dev.lectern.server.LecternServer;
import dev.lectern.server.Settings;
import dev.lectern.server.SettingsParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Starts the real server in this JVM on a free port with its own data directory. */
public final class TestServer implements AutoCloseable {

    private final Path dataDir;
    private LecternServer server;

    private TestServer(Path dataDir) {
        this.dataDir = dataDir;
        this.server = LecternServer.start(settings(dataDir));
    }

    /** Starts a server on the given data directory. */
    public static TestServer start(Path dataDir) {
        return new TestServer(dataDir);
    }

    /** Stops the server and starts a new one on the same data directory. */
    public TestServer restart() {
        server.close();
        server = LecternServer.start(settings(dataDir));
        return this;
    }

    /** Returns the base URL, ending without a slash. */
    public String url() {
        return "http://127.0.0.1:" + server.port();
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

    static Settings settings(Path dataDir) {
        return new SettingsParser(Map.of()).parse("--port", "0", "--data-dir", dataDir.toString(),
                "--dataset-mirror", datasetMirror().toString(), "--concurrency", "2");
    }

    @Override
    public void close() {
        server.close();
    }
}
