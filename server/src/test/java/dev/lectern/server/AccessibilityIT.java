package dev.lectern.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.LoadState;
import dev.lectern.server.testing.Browser;
import dev.lectern.server.testing.Http;
import dev.lectern.server.testing.PluginFolders;
import dev.lectern.server.testing.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every page type, filled with real runs, checked by axe-core (Deque's rules for WCAG 2.0, 2.1 and 2.2 at levels A
 * and AA) in headless Chromium at a desktop width (1400 px) and a phone width (390 px), and checked for page-level
 * horizontal overflow at both. The failure message lists every violation: page, width, rule, impact, the elements'
 * selectors and axe's summary of what fails.
 *
 * <p>The server has the bundled plugins, the test plugins of the class path, the example external plugin and a copy
 * of it built for a future plugin API, which fails to load: its long reason is on the dashboard and on /plugins.
 *
 * <p>axe sees the DOM, not what a canvas draws: the colours drawn on canvases (parallel coordinates) are checked
 * separately through the data attributes the page scripts leave on them.
 */
class AccessibilityIT {

    private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final int[] WIDTHS = {1400, 390};
    /** Pages saved as screenshots at both widths, for people to look at. */
    private static final Set<String> SCREENSHOTS = Set.of("/", "/plugins", "/experiments", "/datasets");
    /** Pages whose tables must fit a 1400 px window without scrolling sideways. */
    private static final Set<String> FIT_AT_DESKTOP = Set.of("/", "/plugins", "/experiments", "/datasets");

    private static final Set<String> TERMINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    @TempDir
    static Path pluginsDir;

    static TestServer server;
    static Browser browser;
    BrowserContext context;
    Page page;

    @BeforeAll
    static void start() throws IOException {
        PluginFolders.exampleAndOneFromTheFuture(pluginsDir);
        server = TestServer.start(dataDir, "--plugins-dir", pluginsDir.toString());
        browser = Browser.launch();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void open() {
        context = browser.newContext();
        page = context.newPage();
        page.setDefaultTimeout(30_000);
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    // A guard against a hang, not a speed check: it visits every page type in English and eight in Korean, presses
    // Check gradients and opens grouped tables and coloured compares (300 s ran out on a loaded machine).
    @Timeout(900)
    void everyPageTypeHasNoWcagViolationsAndNoHorizontalOverflowAtDesktopAndPhoneWidths() throws Exception {
        long started = System.nanoTime();
        Http http = new Http(server.url());
        String upload = upload(
                http,
                "study.csv",
                "# hours studied and the exam score\nhours,score\n1,52.5\n2,55\n"
                        + "3,57.5\n4,60\n5,62.5\n6,65\n7,67.5\n8,70\n",
                "Study hours");

        // One run of each plugin, on its lecture data, kept short; the CNN and the LSTM first, as they take longest.
        Map<String, Long> runs = new LinkedHashMap<>();
        runs.put("cnn", create(http, "cnn", "mnist", "{\"epochs\":1,\"trainLimit\":200}"));
        runs.put("lstm-forecaster", create(http, "lstm-forecaster", "data-02-stock_daily", "{\"iterations\":60}"));
        runs.put("char-rnn", create(http, "char-rnn", "hello", "{\"epochs\":5}"));
        runs.put("linear-regression", create(http, "linear-regression", "ex1data1", "{\"epochs\":300}"));
        runs.put("logistic-regression", create(http, "logistic-regression", "ex2data1", "{\"epochs\":300}"));
        runs.put("softmax-regression", create(http, "softmax-regression", "data-04-zoo", "{\"epochs\":100}"));
        runs.put("mlp", create(http, "mlp", "xor", "{\"epochs\":300}"));
        runs.put(
                "polynomial-regression", create(http, "polynomial-regression", "linear-synthetic", "{\"epochs\":300}"));
        runs.put("failing-test", create(http, "failing-test", "two-blobs", "{\"steps\":5}"));
        Http.Response sweep = http.post(
                "/api/sweeps",
                "{\"plugin\":\"linear-regression\",\"dataset\":\"linear-synthetic\","
                        + "\"name\":\"two rates\",\"params\":{\"epochs\":100},\"grid\":{\"learningRate\":[0.01,0.1]}}");
        assertThat(sweep.status()).as(String.valueOf(sweep.json())).isEqualTo(201);
        List<Long> waitFor = new ArrayList<>(runs.values());
        sweep.json().get("experiments").forEach(run -> waitFor.add(run.get("id").asLong()));
        for (long id : waitFor) {
            http.awaitStatus(id, TERMINAL::contains, Duration.ofSeconds(150));
        }
        for (Map.Entry<String, Long> run : runs.entrySet()) {
            String expected = run.getKey().equals("failing-test") ? "FAILED" : "SUCCEEDED";
            JsonNode experiment = http.get("/api/experiments/" + run.getValue()).json();
            assertThat(experiment.get("status").asText())
                    .as(run.getKey() + ": " + experiment)
                    .isEqualTo(expected);
        }
        long trained = System.nanoTime();

        List<String> paths = new ArrayList<>(List.of("/", "/plugins"));
        http.get("/api/plugins").json().forEach(plugin -> {
            if (plugin.get("status").asText().equals("LOADED")) {
                paths.add("/plugins/" + plugin.get("id").asText());
            }
        });
        paths.add("/experiments");
        runs.values().forEach(id -> paths.add("/experiments/" + id));
        paths.add("/compare?ids=" + runs.get("linear-regression") + "," + runs.get("softmax-regression"));
        paths.add("/sweeps/" + sweep.json().get("id").asLong());
        // Runs grouped by their settings: the table grouped and filtered, the sweep's curves coloured by its rate.
        paths.add("/experiments?group=learningRate&sort=best:loss&dir=asc&hp=epochs%3E%3D100");
        List<String> swept = new ArrayList<>();
        sweep.json().get("experiments").forEach(run -> swept.add(run.get("id").asText()));
        String colored = "/compare?ids=" + String.join(",", swept) + "&colorBy=learningRate";
        paths.add(colored);
        paths.add("/datasets");
        for (String dataset : List.of("ex1data1", "data-04-zoo", "hello", "mnist", upload)) {
            paths.add("/datasets/" + dataset);
        }
        paths.add("/experiments/999999");
        // The class pages: a lesson with a run, its short link, the class view, the lessons list, accounts, sign-in.
        Http.Response lesson = http.post("/api/lessons", LessonsIT.LESSON);
        String code = lesson.json().get("code").asText();
        long lessonId = lesson.json().get("id").asLong();
        Http.Response lessonRun =
                http.post("/api/l/" + code + "/run", "{\"answer\":\"fall\",\"params\":{\"learningRate\":0.01}}");
        new Http(server.url())
                .awaitStatus(
                        lessonRun.json().get("id").asLong(),
                        s -> !s.equals("QUEUED") && !s.equals("RUNNING"),
                        java.time.Duration.ofSeconds(60));
        paths.addAll(List.of(
                "/l/" + code,
                "/lessons",
                "/lessons/" + lessonId + "/class",
                "/users",
                "/sign-in",
                "/system",
                "/workers"));

        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (int width : WIDTHS) {
            page.setViewportSize(width, 900);
            for (String path : paths) {
                open(path);
                AxeResults results = new AxeBuilder(page).withTags(TAGS).analyze();
                if (results.isErrored()) {
                    problems.add(path + " @" + width + "px: axe failed: " + results.getErrorMessage());
                }
                for (Rule rule : results.getViolations()) {
                    problems.add(describe(path, width, rule));
                }
                String overflow = overflow();
                if (!overflow.isEmpty()) {
                    problems.add(path + " @" + width + "px: horizontal overflow: " + overflow);
                }
                if (width >= 1400 && FIT_AT_DESKTOP.contains(path)) {
                    // Scrolling sideways is for phones: on a desktop these tables fit their page.
                    Object scrolled = page.evaluate(
                            "() => Array.from(document.querySelectorAll('.table-scroll'))"
                                    + ".filter(s => s.scrollWidth > s.clientWidth + 1)"
                                    + ".map(s => s.getAttribute('aria-label') + ' ' + s.scrollWidth + ' px in ' + s.clientWidth + ' px')");
                    if (!((List<?>) scrolled).isEmpty()) {
                        problems.add(path + " @" + width + "px: tables wider than the page: " + scrolled);
                    }
                }
                if (SCREENSHOTS.contains(path)
                        || path.equals("/experiments/" + runs.get("cnn"))
                        || path.startsWith("/sweeps/")) {
                    Browser.screenshot(page, "a11y-" + slug(path) + "-" + width);
                }
                if (path.equals("/experiments/" + runs.get("cnn"))) {
                    page.locator("#predict-section")
                            .screenshot(new Locator.ScreenshotOptions()
                                    .setPath(Browser.SCREENSHOTS.resolve("a11y-cnn-predict-" + width + ".png")));
                }
                if (path.equals("/experiments/" + runs.get("softmax-regression"))) {
                    page.locator("figure.view-confusion")
                            .first()
                            .screenshot(new Locator.ScreenshotOptions()
                                    .setPath(Browser.SCREENSHOTS.resolve("a11y-confusion-" + width + ".png")));
                }
                checked++;
            }
        }
        checked += koreanPass(
                List.of(
                        "/",
                        "/plugins/linear-regression",
                        "/experiments",
                        "/experiments/" + runs.get("linear-regression"),
                        "/compare?ids=" + runs.get("linear-regression") + "," + runs.get("softmax-regression"),
                        "/datasets",
                        "/datasets/ex1data1",
                        "/experiments/999999"),
                problems);
        problems.addAll(parallelCoordinateContrast(sweep.json().get("id").asLong()));
        problems.addAll(coloredCurveContrast(colored));
        problems.addAll(theDigitCanvasWorksFromTheKeyboard(runs.get("cnn")));
        System.out.printf(
                "AccessibilityIT: %d page checks; training %.1f s, pages %.1f s%n",
                checked, (trained - started) / 1e9, (System.nanoTime() - trained) / 1e9);
        if (!problems.isEmpty()) {
            fail(problems.size() + " accessibility problems:\n" + String.join("\n", problems));
        }
    }

    /**
     * The same checks on a few pages in Korean (the header's switch, a cookie): other words, other lengths, the same
     * layout and contrast.
     */
    private int koreanPass(List<String> paths, List<String> problems) {
        context.addCookies(List.of(new Cookie("lectern_lang", "ko").setUrl(server.url())));
        int checked = 0;
        for (int width : WIDTHS) {
            page.setViewportSize(width, 900);
            for (String path : paths) {
                open(path);
                String where = path + " (ko) @" + width + "px";
                if (!"ko".equals(page.locator("html").getAttribute("lang"))) {
                    problems.add(where + ": not in Korean");
                }
                AxeResults results = new AxeBuilder(page).withTags(TAGS).analyze();
                if (results.isErrored()) {
                    problems.add(where + ": axe failed: " + results.getErrorMessage());
                }
                for (Rule rule : results.getViolations()) {
                    problems.add(describe(path + " (ko)", width, rule));
                }
                String overflow = overflow();
                if (!overflow.isEmpty()) {
                    problems.add(where + ": horizontal overflow: " + overflow);
                }
                if (SCREENSHOTS.contains(path)) {
                    Browser.screenshot(page, "a11y-ko-" + slug(path) + "-" + width);
                }
                checked++;
            }
        }
        context.addCookies(List.of(new Cookie("lectern_lang", "en").setUrl(server.url())));
        return checked;
    }

    /** Opens a page and waits until its scripts have drawn what the server's data gives them. */
    private void open(String path) {
        page.navigate(server.url() + path);
        if (path.endsWith("/class")) {
            // The class view keeps its lesson's event stream open, so the network is never idle: wait for its data.
            page.waitForLoadState(LoadState.LOAD);
            page.waitForFunction("() => document.getElementById('class-view')?.dataset.runs !== undefined");
        } else {
            page.waitForLoadState(LoadState.NETWORKIDLE);
        }
        if (path.matches("/experiments/\\d+") && page.locator("#experiment").count() > 0) {
            // A finished run draws its views from /api/experiments/{id}: wait until all of them are in the page.
            JsonNode views = new Http(server.url()).get("/api" + path).json().path("views");
            page.waitForFunction("n => document.querySelectorAll('#views > figure').length === n", views.size());
        }
        if (page.locator("#check-gradients").isVisible()) {
            // The gradient check's table belongs to the page once asked for (a keyboard press): check it as well.
            page.locator("#check-gradients").press("Enter");
            page.waitForFunction("() => document.getElementById('gradient-table') !== null"
                    + " || !document.getElementById('gradient-error').hidden");
        }
        if (path.startsWith("/sweeps/")) {
            page.waitForFunction("() => document.getElementById('parallel')?.dataset.lines !== undefined");
        }
        // Let the last layout and Chart.js's first frame settle.
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    }

    private static String describe(String path, int width, Rule rule) {
        StringBuilder text = new StringBuilder(path + " @" + width + "px: " + rule.getId() + " (" + rule.getImpact()
                + ", " + rule.getNodes().size() + " elements): " + rule.getHelp());
        for (CheckedNode node : rule.getNodes()) {
            text.append("\n    ")
                    .append(node.getTarget())
                    .append(": ")
                    .append(String.valueOf(node.getFailureSummary()).replace("\n", " "));
        }
        return text.toString();
    }

    /** Empty when the page is no wider than the window; else its width and the elements that stick out furthest. */
    private String overflow() {
        return (String) page.evaluate("() => {"
                + " const root = document.documentElement; const limit = window.innerWidth;"
                + " if (root.scrollWidth <= limit) return '';"
                + " const wide = [];"
                + " for (const el of document.body.querySelectorAll('*')) {"
                + "   const box = el.getBoundingClientRect();"
                + "   if (box.right > limit + 1 && !el.closest('.table-scroll, [data-scroll]')) {"
                + "     const parent = el.parentElement && el.parentElement.getBoundingClientRect();"
                + "     if (!parent || parent.right <= limit + 1) wide.push(el); } }"
                + " const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')"
                + "   + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '')"
                + "   + ' (' + Math.round(el.getBoundingClientRect().right) + ' px)';"
                + " return 'page ' + root.scrollWidth + ' px wide in a ' + limit + ' px window; sticking out: '"
                + "   + wide.slice(0, 8).map(name).join(', '); }");
    }

    /** The parallel coordinates' lines must stand out from the canvas's background (WCAG 1.4.11, 3:1). */
    private List<String> parallelCoordinateContrast(long sweepId) throws IOException {
        page.setViewportSize(1400, 900);
        open("/sweeps/" + sweepId);
        List<String> problems = new ArrayList<>();
        String colours = page.locator("#parallel").getAttribute("data-line-colors");
        if (colours == null || colours.isBlank()) {
            problems.add("/sweeps/" + sweepId + ": #parallel names no data-line-colors");
            return problems;
        }
        String background = page.locator("#parallel").getAttribute("data-background");
        // The canvas's text route: "Show data" lists one row per line drawn, and the label names the best run.
        page.locator("#parallel-figure details.chart-data > summary").click();
        String rows = page.locator("#parallel-figure table.chart-data-table").getAttribute("data-rows");
        int lines = JSON.readTree(colours).size();
        if (!String.valueOf(lines).equals(rows)) {
            problems.add("/sweeps/" + sweepId + ": Show data lists " + rows + " rows for " + lines + " lines drawn");
        }
        String label = page.locator("#parallel").getAttribute("aria-label");
        if (label == null || !label.contains("the best, run ")) {
            problems.add("/sweeps/" + sweepId + ": the parallel coordinates' label names no best run: " + label);
        }
        for (JsonNode colour : JSON.readTree(colours)) {
            double ratio = contrast(colour.asText(), background == null ? "#ffffff" : background);
            if (ratio < 3) {
                problems.add(String.format(
                        "/sweeps/%d: parallel coordinates line %s on %s is %.2f:1 (needs 3:1)",
                        sweepId, colour.asText(), background, ratio));
            }
        }
        return problems;
    }

    /** Curves coloured by a hyperparameter must stand out from the chart's white (WCAG 1.4.11, 3:1). */
    private List<String> coloredCurveContrast(String path) {
        page.setViewportSize(1400, 900);
        open(path);
        List<String> problems = new ArrayList<>();
        String colours = page.locator("canvas#compare-loss").getAttribute("data-colors");
        if (colours == null
                || colours.isBlank()
                || page.locator("#color-legend li").count() < 2) {
            problems.add(path + ": no coloured curves or legend");
            return problems;
        }
        for (String colour : colours.split("\\|")) {
            double ratio = contrast(colour, "#ffffff");
            if (ratio < 3) {
                problems.add(String.format("%s: curve %s on #ffffff is %.2f:1 (needs 3:1)", path, colour, ratio));
            }
        }
        return problems;
    }

    /** The CNN's drawing canvas takes focus, shows it, and draws a sample digit for a keyboard user to predict. */
    private List<String> theDigitCanvasWorksFromTheKeyboard(long cnn) {
        List<String> problems = new ArrayList<>();
        page.setViewportSize(1400, 900);
        open("/experiments/" + cnn);
        page.waitForSelector("#digit-canvas[data-ready=true]");
        page.locator("#digit-canvas").focus();
        Object ring = page.evaluate("() => { const c = document.activeElement; const s = getComputedStyle(c);"
                + " return c.id + ' ' + s.outlineStyle + ' ' + s.outlineWidth; }");
        if (!String.valueOf(ring).matches("digit-canvas solid [1-9].*")) {
            problems.add("/experiments/" + cnn + ": the focused digit canvas shows no focus ring: " + ring);
        }
        String name = (String) page.evaluate("() => document.getElementById(document.getElementById('digit-canvas')"
                + ".getAttribute('aria-labelledby'))?.textContent.trim()");
        if (!"Your digit".equals(name)) {
            problems.add("/experiments/" + cnn + ": the digit canvas is not named by its label: " + name);
        }
        page.keyboard().press("7");
        if (!page.locator("#digit").inputValue().startsWith("data:image/png;base64,")) {
            problems.add("/experiments/" + cnn + ": typing 7 on the focused canvas drew nothing");
        }
        page.keyboard().press("Delete");
        page.selectOption("#digit-sample", "3");
        if (!page.locator("#digit").inputValue().startsWith("data:image/png;base64,")) {
            problems.add("/experiments/" + cnn + ": picking the sample digit 3 drew nothing");
        }
        page.locator("#predict").focus();
        page.waitForResponse(
                r -> r.url().endsWith("/predict"), () -> page.keyboard().press("Enter"));
        page.waitForFunction("() => document.getElementById('prediction').textContent.includes('% sure')");
        return problems;
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double[] channels = {(rgb >> 16 & 255) / 255.0, (rgb >> 8 & 255) / 255.0, (rgb & 255) / 255.0};
        for (int i = 0; i < 3; i++) {
            channels[i] = channels[i] <= 0.04045 ? channels[i] / 12.92 : Math.pow((channels[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    }

    private static long create(Http http, String plugin, String dataset, String params) {
        Http.Response created = http.post(
                "/api/experiments",
                "{\"plugin\":\"" + plugin + "\",\"dataset\":\"" + dataset + "\",\"name\":\"" + plugin
                        + " for axe\",\"params\":" + params + "}");
        assertThat(created.status()).as(plugin + ": " + created.json()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** Uploads a CSV file through the multipart API and returns the new data set's id. */
    private static String upload(Http http, String fileName, String csv, String name) throws Exception {
        String boundary = "----lectern-axe-boundary-3vQk9";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + name + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = http.client()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url() + "/api/datasets"))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asText();
    }

    private static String slug(String path) {
        String slug = path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "dashboard" : slug;
    }
}
