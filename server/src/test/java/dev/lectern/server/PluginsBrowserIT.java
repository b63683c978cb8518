package dev.lectern.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.lectern.server.testing.Browser;
import dev.lectern.server.testing.Http;
import dev.lectern.server.testing.PluginFolders;
import dev.lectern.server.testing.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A plugin author in a real browser: the failed plugin and its reason, and the generated predict form. */
class PluginsBrowserIT {

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
        browser.close();
        server.close();
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
    @Timeout(60)
    void thePluginsPageShowsTheFailedPluginWithItsReason() {
        page.navigate(server.url() + "/plugins");
        assertThat(page.locator("#plugin-row-polynomial-regression")).containsText("loaded");
        assertThat(page.locator("#plugin-row-from-the-future")).containsText("failed");
        assertThat(page.locator("#plugin-row-from-the-future .plugin-error"))
                .containsText("was built for plugin API 2.0.0 but this server provides 1.4.0");
        Browser.screenshot(page, "plugins-failed");

        page.locator("#rescan").click();
        page.waitForURL("**/plugins");
        assertThat(page.locator("#plugin-row-from-the-future")).containsText("failed");
    }

    @Test
    @Timeout(120)
    void theExamplePluginsGeneratedPredictFormAnswers() throws Exception {
        Http http = new Http(server.url());
        Http.Response created = http.post(
                "/api/experiments",
                "{\"plugin\":\"polynomial-regression\",\"dataset\":\"linear-synthetic\",\"params\":{\"epochs\":600}}");
        long id = created.json().get("id").asLong();
        assertThat(http.awaitStatus(id, "SUCCEEDED"::equals, Duration.ofSeconds(60))
                        .get("status")
                        .asText())
                .isEqualTo("SUCCEEDED");

        page.navigate(server.url() + "/experiments/" + id);
        assertThat(page.locator("#predict-form")).isVisible();
        page.locator("#predict-form input[name=x]").fill("1.5");
        page.locator("#predict").click();
        assertThat(page.locator("#prediction"))
                .containsText("H(1.5", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
        String answer = page.locator("#prediction").textContent();
        double value = Double.parseDouble(answer.replaceAll("(?s).*H\\(1\\.50*\\) = (-?[0-9.eE+-]+).*", "$1"));
        assertThat(value).as("2 x 1.5 + 4 on the synthetic line").isBetween(6.8, 7.2);
        Browser.screenshot(page, "example-predict");

        // Beyond the declared range: the browser's own check is off, so the server's answer is what shows.
        page.evalOnSelector("#predict-form", "form => form.noValidate = true");
        page.locator("#predict-form input[name=x]").fill("5000000");
        page.locator("#predict").click();
        assertThat(page.locator("#error-x")).containsText("must be at most 1000000");
    }
}
