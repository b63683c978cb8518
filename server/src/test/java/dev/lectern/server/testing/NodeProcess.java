package dev.lectern.server.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Lectern node as a real process of the built jar ({@code target/lectern.jar}): a web node ({@code lectern}) or
 * a worker ({@code lectern worker}), with its output in a log file, stopped cleanly or killed with SIGKILL.
 */
public final class NodeProcess implements AutoCloseable {

    private final List<String> command;
    private final Path log;
    private final int port;
    private Process process;

    private NodeProcess(List<String> command, Path log, int port) {
        this.command = command;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts a web node and waits until it answers.
     *
     * @param dataDir its data directory
     * @param flags further flags
     * @return the running node
     */
    public static NodeProcess web(Path dataDir, String... flags) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = java(List.of());
        command.addAll(List.of(
                "--port",
                Integer.toString(port),
                "--data-dir",
                dataDir.toString(),
                "--dataset-mirror",
                TestServer.datasetMirror().toAbsolutePath().toString()));
        command.addAll(List.of(flags));
        NodeProcess node = new NodeProcess(command, dataDir.resolve("node.log"), port);
        node.startAndAwait("Lectern is running");
        return node;
    }

    /**
     * Starts a worker and waits until it has joined.
     *
     * @param dataDir its data directory
     * @param bundledPlugins the folder of the plugins it has (the jar's own {@code plugins/} or a copy of part of it)
     * @param flags further flags ({@code --jdbc-url}, {@code --name}, ...)
     * @return the running worker
     */
    public static NodeProcess worker(Path dataDir, Path bundledPlugins, String... flags)
            throws IOException, InterruptedException {
        List<String> command = java(List.of("-Dlectern.bundledPlugins=" + bundledPlugins.toAbsolutePath()));
        command.addAll(List.of(
                "worker",
                "--data-dir",
                dataDir.toString(),
                "--dataset-mirror",
                TestServer.datasetMirror().toAbsolutePath().toString()));
        command.addAll(List.of(flags));
        NodeProcess node = new NodeProcess(command, dataDir.resolve("node.log"), -1);
        node.startAndAwait("Lectern worker '");
        return node;
    }

    /** The folder of the plugins the built jar carries. */
    public static Path bundledPlugins() {
        return Path.of("target", "plugins").toAbsolutePath();
    }

    private static List<String> java(List<String> properties) {
        Path jar = Path.of("target", "lectern.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(
                    "the server jar is not built at " + jar + " (mvn -B verify builds it first)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx768m");
        command.addAll(properties);
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    private void startAndAwait(String ready) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(ready)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the node exited with " + process.exitValue() + ":\n" + log());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the node did not start within 90 s:\n" + log());
    }

    /** Starts the same command again (after {@link #kill} or {@link #close}), on the same port and data directory. */
    public void restart() throws IOException, InterruptedException {
        startAndAwait(port > 0 ? "Lectern is running" : "Lectern worker '");
    }

    /** The web node's address. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** What the node printed so far. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    /** Kills the process at once (SIGKILL: no shutdown hook runs) and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stops the process cleanly (SIGTERM: its shutdown hook runs), killing it after 30 s. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
