package dev.lectern.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.lectern.server.testing.Browser;
import dev.lectern.server.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person runs two experiments that differ only in the learning rate, picks both in the runs table and compares
 * them: two labelled curves and the highlighted parameter. Then tags one and finds it by the tag.
 */
class HistoryBrowserIT {

    @TempDir
    static Path dataDir;

    static TestServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
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

    @Test
    @Timeout(240)
    void twoRunsWithDifferentLearningRatesCompareAsTwoLabelledCurves() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            String first = run(page, "0.01");
            String second = run(page, "0.1");

            page.navigate(server.url() + "/experiments");
            assertThat(page.locator("#compare")).isDisabled();
            page.locator("#experiment-" + first + " input.select-run").check();
            page.locator("#experiment-" + second + " input.select-run").check();
            assertThat(page.locator("#selection-count")).containsText("2 selected");
            page.locator("#compare").click();
            page.waitForURL("**/compare?ids=*");
            assertThat(page)
                    .hasURL(java.util.regex.Pattern.compile(
                            ".*/compare\\?ids=(" + first + "," + second + "|" + second + "," + first + ")$"));

            Locator loss = page.locator("canvas#compare-loss");
            // "loss" and "loss/normal equation" share one chart, as on a run's page: two runs, two series each.
            assertThat(loss).hasAttribute("data-curves", "4");
            assertThat(loss.getAttribute("data-labels").split("\\|"))
                    .containsExactlyInAnyOrder(
                            "learningRate 0.01",
                            "learningRate 0.1",
                            "learningRate 0.01 · normal equation",
                            "learningRate 0.1 · normal equation");
            assertThat(page.locator("canvas#compare-loss_normal_equation")).hasCount(0);
            Locator differs = page.locator("#compare-params tr.differs");
            assertThat(differs).hasCount(1);
            assertThat(differs).containsText("learningRate");
            assertThat(page.locator("#compare-metrics .badge-best").first()).isVisible();
            page.locator("#log-scale").check();
            page.locator("#smoothing").fill("0.6");
            assertThat(page.locator("#smoothing-value")).hasText("0.60");
            assertThat(page.locator("canvas#compare-loss")).hasAttribute("data-curves", "4");
            Browser.screenshot(page, "compare-two-learning-rates");

            page.navigate(server.url() + "/experiments/" + second);
            page.locator("#describe summary").click();
            page.locator("#edit-tags").fill("fast, Sweep");
            page.locator("#edit-notes").fill("The **larger** rate converges sooner.");
            page.locator("#save-description").click();
            assertThat(page.locator("#notes strong")).hasText("larger");
            page.locator(".meta a.tag", new Page.LocatorOptions().setHasText("sweep"))
                    .click();
            page.waitForURL("**/experiments?tag=sweep");
            assertThat(page.locator("#runs tbody tr")).hasCount(1);
            Browser.screenshot(page, "runs-filtered-by-tag");
        }
    }

    private String run(Page page, String learningRate) {
        page.navigate(server.url() + "/plugins/linear-regression?dataset=linear-synthetic");
        page.locator("#learningRate").fill(learningRate);
        page.locator("#epochs").fill("300");
        page.locator("#name").fill("lr " + learningRate);
        page.locator("#run").click();
        page.waitForURL("**/experiments/*");
        assertThat(page.locator("#status"))
                .hasText("SUCCEEDED", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
        String url = page.url();
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
