package dev.lectern.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.lectern.server.testing.TestServer;
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
 * A person in a real browser (Debian's Chromium, headless) runs linear regression from the form, watches it, and
 * cancels a long run. Screenshots go to {@code target/screenshots/}.
 */
class BrowserIT {

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
    void runLinearRegressionFromTheFormAndWatchItSucceed() {
        page.navigate(server.url() + "/");
        assertThat(page.locator("#plugin-linear-regression")).containsText("Linear regression");
        page.locator("#plugin-linear-regression a").first().click();
        assertThat(page.locator("#formulas")).containsText("H(x) = Wx + b");
        assertThat(page.locator("#formulas .formula.typeset").first()).isVisible();
        assertThat(page.locator("#guide")).containsText("normal equation");

        page.selectOption("#dataset", "ex1data1");
        page.waitForURL("**/plugins/linear-regression?dataset=ex1data1");
        assertThat(page.locator("#learningRate")).hasValue("0.01");
        page.locator("#name").fill("food truck from the browser");
        page.locator("#run").click();
        page.waitForURL("**/experiments/*");

        assertThat(page.locator("#status")).hasText("SUCCEEDED", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
        Locator loss = page.locator("canvas#chart-loss");
        page.waitForFunction("() => Number(document.querySelector('canvas#chart-loss')?.dataset.points) > 1000");
        assertThat(Integer.parseInt(loss.getAttribute("data-points"))).isGreaterThan(1000);
        assertThat(page.locator("#progress-text")).hasText("step 1500 of 1500");
        assertThat(page.locator("#summary")).containsText("1.166");
        assertThat(page.locator("#summary")).containsText("-3.63");
        assertThat(page.locator("#view-figure-0")).containsText("Data and fitted line");
        screenshot("run-succeeded");

        page.navigate(server.url() + "/experiments");
        assertThat(page.locator("table.experiments")).containsText("food truck from the browser");
    }

    @Test
    @Timeout(120)
    void cancelALongRunAndSeeItCancelled() {
        page.navigate(server.url() + "/plugins/linear-regression?dataset=ex1data1");
        page.locator("#epochs").fill("1000000");
        page.locator("#batchSize").fill("1");
        page.locator("#run").click();
        page.waitForURL("**/experiments/*");
        assertThat(page.locator("#status")).hasText("RUNNING");

        page.waitForFunction("() => Number(document.querySelector('canvas#chart-loss')?.dataset.points) > 0");
        int before = Integer.parseInt(page.locator("canvas#chart-loss").getAttribute("data-points"));
        page.waitForFunction("n => Number(document.querySelector('canvas#chart-loss').dataset.points) > n", before);
        screenshot("run-live");

        page.locator("#cancel").click();
        assertThat(page.locator("#status")).hasText("CANCELLED", new LocatorAssertions.HasTextOptions().setTimeout(5_000));
        assertThat(page.locator("#cancel-form")).isHidden();
        screenshot("run-cancelled");

        page.reload();
        assertThat(page.locator("#status")).hasText("CANCELLED");
        page.waitForFunction("() => Number(document.querySelector('canvas#chart-loss')?.dataset.points) > 0");
    }

    @Test
    @Timeout(60)
    void anInvalidValueIsAnsweredWith400AndShownNextToItsField() {
        page.navigate(server.url() + "/plugins/linear-regression?dataset=ex1data1");
        // The browser's own min/max check would stop the form first; the server must still refuse on its own.
        page.evalOnSelector("#run-form", "form => form.noValidate = true");
        page.locator("#learningRate").fill("-1");
        Response response = page.waitForResponse(r -> r.url().endsWith("/plugins/linear-regression/experiments"),
                () -> page.locator("#run").click());
        assertThat(response.status()).isEqualTo(400);
        assertThat(page.locator("#error-learningRate")).containsText("at least");
        assertThat(page.locator("#learningRate")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#learningRate")).hasValue("-1");
        screenshot("invalid-learning-rate");
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
