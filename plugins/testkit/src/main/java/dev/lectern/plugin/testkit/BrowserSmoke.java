package dev.lectern.plugin.testkit;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;

/**
 * A browser smoke test of a plugin folder in a real Lectern server: starts the server jar as a process on a free
 * 127.0.0.1 port with a temporary data directory and the plugin folder as its only extra plugin, then drives headless
 * Chromium through Playwright as a student would: open the plugin's page, Run, wait for SUCCEEDED, Predict, and save a
 * screenshot of each page. It needs Playwright on the test class path ({@code com.microsoft.playwright:playwright},
 * test scope: the testkit does not bring it) and a Chromium; it downloads no browser.
 *
 * <pre>{@code
 * BrowserSmoke.Result result = BrowserSmoke.of(Path.of("target/plugin/my-model"), "my-model")
 *         .dataset("ex1data1")
 *         .params(Map.of("epochs", 200))
 *         .predict(Map.of("x", 1.5))
 *         .run();
 * assertThat(result.prediction()).startsWith("H(1.5");
 * }</pre>
 *
 * <p>Where things are, from system properties: {@value #SERVER_JAR} the server's runnable jar ({@code lectern.jar} of a
 * built Lectern, with its {@code lib/} beside it; without it {@link #run()} skips the test, saying so),
 * {@code lectern.chromium} the browser (default {@code /usr/bin/chromium}), {@code lectern.datasetMirror} a folder of
 * data set files the server reads instead of downloading, {@code lectern.smoke.screenshots} where the screenshots go
 * (default {@code target/screenshots}).
 */
public final class BrowserSmoke {

    /** The system property naming the server's runnable jar. */
    public static final String SERVER_JAR = "lectern.server.jar";

    private static final List<String> FINAL = List.of("SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED");

    private final Path pluginFolder;
    private final String pluginId;
    private String dataset;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final Map<String, Object> predict = new LinkedHashMap<>();
    private Duration trainingTimeout = Duration.ofMinutes(3);
    private final List<String> serverFlags = new ArrayList<>();

    private BrowserSmoke(Path pluginFolder, String pluginId) {
        this.pluginFolder = pluginFolder;
        this.pluginId = pluginId;
    }

    /**
     * Starts describing a smoke test.
     *
     * @param pluginFolder the plugin's drop-in folder, such as {@code target/plugin/my-model}
     * @param pluginId the plugin's id, as its descriptor says
     * @return the smoke test, with no data set chosen (the page's preselected one), the declared parameter defaults and
     *     an empty predict form
     */
    public static BrowserSmoke of(Path pluginFolder, String pluginId) {
        return new BrowserSmoke(pluginFolder, pluginId);
    }

    /**
     * Chooses the data set on the plugin's page.
     *
     * @param id the data set's id, such as {@code ex1data1}
     * @return this
     */
    public BrowserSmoke dataset(String id) {
        this.dataset = id;
        return this;
    }

    /**
     * Fills parameters into the Run form, by name; the others keep the values the page offers.
     *
     * @param values parameter name to value
     * @return this
     */
    public BrowserSmoke params(Map<String, ?> values) {
        params.putAll(values);
        return this;
    }

    /**
     * Fills the predict form, by input name.
     *
     * @param values input name to value
     * @return this
     */
    public BrowserSmoke predict(Map<String, ?> values) {
        predict.putAll(values);
        return this;
    }

    /**
     * Sets how long the run may train before the smoke test fails.
     *
     * @param timeout the time from Run to a final status
     * @return this
     */
    public BrowserSmoke trainingTimeout(Duration timeout) {
        this.trainingTimeout = timeout;
        return this;
    }

    /**
     * Passes further flags to the server, such as {@code "--device", "cpu"}.
     *
     * @param flags the flags and their values
     * @return this
     */
    public BrowserSmoke serverFlags(String... flags) {
        serverFlags.addAll(List.of(flags));
        return this;
    }

    /**
     * What a smoke run saw.
     *
     * @param url the server's base address while it ran
     * @param experimentId the run it started
     * @param status the run's final status
     * @param prediction the predict form's answer, empty when there was nothing to predict
     * @param screenshots the saved screenshots: the plugin page, the finished run, the prediction
     * @param consoleErrors errors the pages logged to the browser console or threw, and resources answered with an
     *     HTTP error
     */
    public record Result(
            String url,
            long experimentId,
            String status,
            String prediction,
            List<Path> screenshots,
            List<String> consoleErrors) {}

    /**
     * Returns the server jar that {@value #SERVER_JAR} names.
     *
     * @return the jar, empty when the property is not set
     */
    public static Optional<Path> serverJar() {
        String jar = System.getProperty(SERVER_JAR, "");
        return jar.isBlank() ? Optional.empty() : Optional.of(Path.of(jar));
    }

    /**
     * Runs the smoke test: server, browser, plugin page, Run, SUCCEEDED, Predict, screenshots; stops both.
     *
     * @return what it saw
     * @throws TestAbortedException when {@value #SERVER_JAR} is not set, so the test is skipped rather than failed
     * @throws AssertionError with the server's log when a step fails: the server does not start, the plugin does not
     *     load, the run ends other than SUCCEEDED, the prediction is refused
     */
    public Result run() {
        Path jar = serverJar()
                .orElseThrow(() -> new TestAbortedException("browser smoke test skipped: set -D" + SERVER_JAR
                        + "=<the lectern.jar of a built Lectern, with its lib/ folder beside it> to run it"));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(SERVER_JAR + " names " + jar.toAbsolutePath() + ", which is not a file");
        }
        if (!Files.isDirectory(pluginFolder)) {
            throw new AssertionError("no plugin folder at " + pluginFolder.toAbsolutePath()
                    + ": build it first (mvn package leaves it under target/plugin/)");
        }
        Path chromium = Path.of(System.getProperty("lectern.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new AssertionError("no Chromium at " + chromium
                    + ": install one (Debian: apt-get install -y chromium) or pass -Dlectern.chromium=<path>");
        }
        Path work;
        try {
            work = Files.createTempDirectory("lectern-smoke-");
            copyFolder(pluginFolder, work.resolve("plugins").resolve(pluginId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (ServerProcess server = ServerProcess.start(jar, work, serverFlags)) {
            return drive(server, chromium);
        } finally {
            deleteQuietly(work);
        }
    }

    private Result drive(ServerProcess server, Path chromium) {
        Path shots = Path.of(System.getProperty("lectern.smoke.screenshots", "target/screenshots"));
        List<Path> screenshots = new ArrayList<>();
        List<String> consoleErrors = Collections.synchronizedList(new ArrayList<>());
        try (Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(chromium)
                            .setHeadless(true)
                            .setArgs(List.of(
                                    "--no-sandbox",
                                    "--disable-gpu",
                                    "--disable-background-networking",
                                    "--disable-component-update",
                                    "--no-first-run")));
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            // A resource that fails is listed with its address from the response; the console's line about it
            // names none. The browser asks for /favicon.ico on its own, which no page links to.
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type()) && !m.text().startsWith("Failed to load resource")) {
                    consoleErrors.add(page.url() + ": " + m.text());
                }
            });
            page.onResponse(r -> {
                if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) {
                    consoleErrors.add(page.url() + ": HTTP " + r.status() + " for " + r.url());
                }
            });
            page.onPageError(e -> consoleErrors.add(page.url() + ": " + e));

            String pluginPage = server.url() + "/plugins/" + pluginId + (dataset == null ? "" : "?dataset=" + dataset);
            var response = page.navigate(pluginPage);
            if (response == null || response.status() != 200) {
                throw server.failure("the plugin page " + pluginPage + " answered "
                        + (response == null ? "nothing" : "HTTP " + response.status())
                        + "; did the plugin load? (see the server's log and /plugins)");
            }
            if (dataset != null && !dataset.equals(page.inputValue("#dataset"))) {
                throw server.failure("the plugin page does not offer data set '" + dataset + "'");
            }
            fill(page, "#run-form", params, server);
            screenshots.add(screenshot(page, shots, pluginId + "-smoke-plugin"));
            page.locator("#run").click();
            page.waitForURL("**/experiments/*");
            long id = Long.parseLong(page.url().replaceAll(".*/experiments/(\\d+).*", "$1"));
            Locator status = page.locator("#status");
            page.waitForFunction(
                    "names => names.includes(document.querySelector('#status')?.textContent.trim())",
                    FINAL,
                    new Page.WaitForFunctionOptions().setTimeout(trainingTimeout.toMillis()));
            String finalStatus = status.textContent().trim();
            screenshots.add(screenshot(page, shots, pluginId + "-smoke-run"));
            if (!"SUCCEEDED".equals(finalStatus)) {
                String error = page.locator("#error").textContent().trim();
                throw server.failure("run #" + id + " ended " + finalStatus + (error.isEmpty() ? "" : ": " + error));
            }
            String prediction = "";
            if (!predict.isEmpty()) {
                page.locator("#predict-form").waitFor();
                fill(page, "#predict-form", predict, server);
                page.locator("#predict").click();
                page.waitForFunction("() => {"
                        + " const out = document.querySelector('#prediction');"
                        + " const error = document.querySelector('#predict-error');"
                        + " return (out && !out.classList.contains('pending') && out.textContent.trim() !== '')"
                        + "   || (error && !error.hidden && error.textContent.trim() !== ''); }");
                Locator refused = page.locator("#predict-error");
                if (refused.isVisible()) {
                    throw server.failure("the prediction was refused: "
                            + refused.textContent().trim());
                }
                prediction = page.locator("#prediction").textContent().trim();
                page.locator("#prediction")
                        .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
                screenshots.add(screenshot(page, shots, pluginId + "-smoke-predict"));
            }
            context.close();
            return new Result(
                    server.url(), id, finalStatus, prediction, List.copyOf(screenshots), List.copyOf(consoleErrors));
        }
    }

    private static void fill(Page page, String form, Map<String, Object> values, ServerProcess server) {
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            Locator field = page.locator(form + " [name=\"" + entry.getKey() + "\"]");
            if (field.count() == 0) {
                throw server.failure(form + " has no field '" + entry.getKey() + "'");
            }
            String value = String.valueOf(entry.getValue());
            if ("select".equals(field.first().evaluate("e => e.tagName.toLowerCase()"))) {
                field.first().selectOption(value);
            } else {
                field.first().fill(value);
            }
        }
    }

    private static Path screenshot(Page page, Path folder, String name) {
        Path file = folder.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind costs disk, not the test's verdict.
        }
    }

    /** The server as a child process on its own port and data directory, its output in a log file. */
    private static final class ServerProcess implements AutoCloseable {

        private static final Duration START = Duration.ofSeconds(120);

        private final Process process;
        private final Path log;
        private final int port;

        private ServerProcess(Process process, Path log, int port) {
            this.process = process;
            this.log = log;
            this.port = port;
        }

        static ServerProcess start(Path jar, Path work, List<String> extraFlags) {
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx2g",
                    "-Dai.djl.offline=true",
                    "-jar",
                    jar.toAbsolutePath().toString(),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    Integer.toString(port),
                    "--data-dir",
                    work.resolve("data").toString(),
                    "--plugins-dir",
                    work.resolve("plugins").toString(),
                    "--name",
                    "smoke"));
            String mirror = System.getProperty("lectern.datasetMirror", "");
            if (!mirror.isBlank() && Files.isDirectory(Path.of(mirror))) {
                command.addAll(List.of("--dataset-mirror", mirror));
            }
            command.addAll(extraFlags);
            Path log = work.resolve("server.log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .directory(jar.toAbsolutePath().getParent().toFile());
            builder.environment().put("OPT_OUT_TRACKING", "true");
            builder.environment().put("DJL_OFFLINE", "true");
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start " + command, e);
            }
            ServerProcess server = new ServerProcess(process, log, port);
            server.awaitReady();
            return server;
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        private void awaitReady() {
            long deadline = System.nanoTime() + START.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw failure("the server exited with status " + process.exitValue() + " before it answered");
                }
                try {
                    HttpURLConnection connection = (HttpURLConnection)
                            URI.create(url() + "/api/system").toURL().openConnection();
                    connection.setConnectTimeout(1000);
                    connection.setReadTimeout(5000);
                    if (connection.getResponseCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while the server started", e);
                }
            }
            throw failure("the server did not answer within " + START.toSeconds() + " s");
        }

        /** A failure with the end of the server's log, where the reason usually is. */
        AssertionError failure(String what) {
            String tail;
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException | UncheckedIOException e) {
                tail = "(no log: " + e + ")";
            }
            return new AssertionError(String.format(
                    Locale.ROOT, "browser smoke test: %s%nlast lines of the server's log:%n%s", what, tail));
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("no free port on 127.0.0.1", e);
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
