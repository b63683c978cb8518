package dev.lectern.server.dataset;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import dev.lectern.server.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person in a real browser (Debian's Chromium, headless) uploads a CSV file, looks at it, trains on it and
 * deletes it. Screenshots go to {@code target/screenshots/}.
 */
class DatasetPagesBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path dataDir;

    static TestServer server;
    static Playwright playwright;
    static Browser browser;
    BrowserContext context;
    Page page;

    @BeforeAll
    static void start() {
        Path chromium = Path.of(System.getProperty("lectern.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("no Chromium at " + chromium + ": install Debian's chromium (apt-get install -y chromium)"
                    + " or pass -Dlectern.chromium=<path>");
        }
        server = TestServer.start(dataDir);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run")));
    }

    @AfterAll
    static void stop() {
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        page = context.newPage();
        page.setDefaultTimeout(30_000);
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    @Test
    @Timeout(120)
    void uploadACsvSeeItsRowsStatsAndScatterPlotThenTrainOnIt(@TempDir Path files) throws IOException {
        Path csv = Files.writeString(files.resolve("study.csv"), DatasetUploadIT.EXAM);
        page.navigate(server.url() + "/");
        page.locator("nav a[href='/datasets']").click();
        page.waitForURL("**/datasets");
        assertThat(page.locator("#built-in")).containsText("XOR truth table");
        assertThat(page.locator("#uploads-empty")).isVisible();

        page.locator("#file").setInputFiles(csv);
        page.locator("#upload-name").fill("Study hours");
        page.locator("#upload").click();
        page.waitForURL("**/datasets/study-hours");

        assertThat(page.locator("#title")).hasText("Study hours");
        assertThat(page.locator("#rows tbody tr")).hasCount(8);
        assertThat(page.locator("#rows tbody tr").first()).containsText("52.5");
        assertThat(page.locator("#stats")).containsText("hours");
        assertThat(page.locator("#stats tbody tr").nth(1)).containsText("61.25");
        assertThat(page.locator("#x-column")).hasValue("1");
        // A regression: the feature against the label.
        assertThat(page.locator("#y-column")).hasValue("2");
        page.waitForFunction("() => Number(document.querySelector('canvas#scatter')?.dataset.points) === 8");
        screenshot("dataset-uploaded");

        page.selectOption("#y-column", "1");
        page.waitForFunction("() => window.Chart && Chart.getChart('scatter')?.options.scales.y.title.text === 'hours'");

        page.locator("#train-linear-regression").click();
        page.waitForURL("**/plugins/linear-regression?dataset=study-hours");
        assertThat(page.locator("#dataset")).hasValue("study-hours");
    }

    @Test
    @Timeout(60)
    void aMalformedFileIsRefusedWith400AndTheLineAndColumnShownOnThePage(@TempDir Path files) throws IOException {
        Path csv = Files.writeString(files.resolve("broken.csv"), "x,y\n1,2\n3,oops\n");
        page.navigate(server.url() + "/datasets");
        page.locator("#file").setInputFiles(csv);
        page.locator("#label").fill("y");

        Response response = page.waitForResponse(r -> r.url().endsWith("/datasets") && "POST".equals(r.request().method()),
                () -> page.locator("#upload").click());

        assertThat(response.status()).isEqualTo(400);
        assertThat(page.locator("p.field-error#error-file")).hasText("broken.csv: line 3, column 2: 'oops' is not a number");
        assertThat(page.locator("#file")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#label")).hasValue("y");
        screenshot("dataset-upload-error");
    }

    @Test
    @Timeout(60)
    void aFileOverTheLimitIsStoppedInTheBrowserBeforeItIsSent(@TempDir Path files) throws IOException {
        Path csv = Files.writeString(files.resolve("fine.csv"), DatasetUploadIT.EXAM);
        page.navigate(server.url() + "/datasets");
        page.evalOnSelector("#upload-form", "form => form.dataset.maxBytes = '20'");
        page.locator("#file").setInputFiles(csv);
        boolean[] posted = {false};
        page.onRequest(r -> posted[0] |= "POST".equals(r.method()));

        page.locator("#upload").click();

        assertThat(page.locator("#error-file")).containsText("larger than the upload limit of 20 MB");
        assertThat(posted[0]).isFalse();
    }

    @Test
    @Timeout(60)
    void anUploadIsDeletedFromItsPageAfterConfirming(@TempDir Path files) throws IOException {
        Path csv = Files.writeString(files.resolve("scratch.csv"), DatasetUploadIT.EXAM);
        page.navigate(server.url() + "/datasets");
        page.locator("#file").setInputFiles(csv);
        page.locator("#upload").click();
        page.waitForURL("**/datasets/scratch");

        page.onceDialog(dialog -> dialog.dismiss());
        page.locator("#delete").click();
        assertThat(page).hasURL(server.url() + "/datasets/scratch");

        page.onceDialog(dialog -> {
            assertThat(dialog.message()).contains("Delete the data set scratch.csv?");
            dialog.accept();
        });
        page.locator("#delete").click();
        page.waitForURL("**/datasets");
        assertThat(page.locator("#dataset-scratch")).hasCount(0);
        assertThat(dataDir.resolve("uploads").resolve("scratch.csv")).doesNotExist();
    }

    @Test
    @Timeout(60)
    void aBuiltInClassificationSetShowsItsClassesAndAColouredPlot() {
        page.navigate(server.url() + "/datasets/three-blobs");
        assertThat(page.locator("#classes tbody tr")).hasCount(3);
        assertThat(page.locator("#delete-form")).hasCount(0);
        page.waitForFunction("() => Number(document.querySelector('canvas#scatter')?.dataset.points) === 300");
        assertThat(page.evaluate("() => Chart.getChart('scatter').data.datasets.length")).isEqualTo(3);
        screenshot("dataset-three-blobs");
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
