package dev.lectern.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.lectern.server.testing.Browser;
import dev.lectern.server.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A person in a real browser (Debian's Chromium, headless) runs linear regression from the form, watches it, and
 * cancels a long run. Screenshots go to {@code target/screenshots/}.
 */
class BrowserIT extends BrowserTest {

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

        assertThat(page.locator("#status"))
                .hasText("SUCCEEDED", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
        Locator loss = page.locator("canvas#chart-loss");
        page.waitForFunction("() => Number(document.querySelector('canvas#chart-loss')?.dataset.points) > 1000");
        assertThat(Integer.parseInt(loss.getAttribute("data-points"))).isGreaterThan(1000);
        assertThat(page.locator("#progress-text")).hasText("step 1500 of 1500");
        assertThat(page.locator("#summary")).containsText("1.166");
        assertThat(page.locator("#summary")).containsText("-3.63");
        assertThat(page.locator("#view-figure-0")).containsText("Data and fitted line");
        assertThat(page.locator("figure.view-heatmap")).containsText("Cost surface");
        // Without a reload, the finished run gains its finish time and the trained model's predict form.
        assertThat(page.locator("#facts")).containsText("finished");
        page.locator("#predict-form input[name=x1]").fill("3.5");
        page.locator("#predict").click();
        assertThat(page.locator("#prediction")).containsText("H(x) = 0.45");
        // The page was drawn while the run trained, without the actions of an ended run; after the run ended and a
        // Predict, all of them are there, in the order the server renders them.
        assertThat(page.locator("#download-model")).isVisible();
        assertThat(page.locator("#download-model"))
                .hasAttribute("href", java.util.regex.Pattern.compile(".*/artifacts\\.zip"));
        assertThat(page.locator("#delete summary")).isVisible();
        assertThat(page.locator("#branch summary")).isVisible();
        assertThat(page.locator("#manage .manage-row > *")).hasCount(4);
        assertThat(page.locator("#manage .manage-row > :last-child")).hasAttribute("id", "delete");
        Browser.screenshot(page, "run-succeeded");

        // The gradient check, from the keyboard: backpropagation beside central differences, as a table.
        page.locator("#check-gradients").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#gradient-verdict")).containsText("Passed");
        Locator gradients = page.locator("table#gradient-table");
        assertThat(gradients.locator("thead th"))
                .hasText(new String[] {"Parameter", "Analytic", "Numeric", "Relative error", "Pass"});
        assertThat(gradients.locator("tbody th[scope=row]")).hasText(new String[] {"W[0, 0]", "b[0]"});
        assertThat(gradients.locator("tbody td:last-child")).hasText(new String[] {"yes", "yes"});
        Browser.screenshot(page, "gradient-check");

        // Notes from the page's own form (a same-origin POST): saved, rendered as Markdown, raw HTML shown as text.
        page.locator("#describe summary").click();
        page.locator("#edit-notes").fill("**alpha 0.01** converged <b>x</b>");
        page.locator("#save-description").click();
        assertThat(page.locator("#notes strong")).hasText("alpha 0.01");
        assertThat(page.locator("#notes")).containsText("<b>x</b>");

        page.navigate(server.url() + "/experiments");
        assertThat(page.locator("table.experiments")).containsText("food truck from the browser");
    }

    @Test
    @Timeout(120)
    void cancelALongRunAndSeeItCancelled() {
        page.navigate(server.url() + "/plugins/linear-regression?dataset=ex1data1");
        page.locator("#epochs").fill("150000");
        page.locator("#batchSize").fill("1");
        page.locator("#run").click();
        page.waitForURL("**/experiments/*");
        assertThat(page.locator("#status")).hasText("RUNNING");

        page.waitForFunction("() => Number(document.querySelector('canvas#chart-loss')?.dataset.points) > 0");
        int before = Integer.parseInt(page.locator("canvas#chart-loss").getAttribute("data-points"));
        page.waitForFunction("n => Number(document.querySelector('canvas#chart-loss').dataset.points) > n", before);
        Browser.screenshot(page, "run-live");

        page.locator("#cancel").click();
        assertThat(page.locator("#status"))
                .hasText("CANCELLED", new LocatorAssertions.HasTextOptions().setTimeout(5_000));
        assertThat(page.locator("#cancel-form")).isHidden();
        Browser.screenshot(page, "run-cancelled");

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
        Response response = page.waitForResponse(
                r -> r.url().endsWith("/plugins/linear-regression/experiments"),
                () -> page.locator("#run").click());
        assertThat(response.status()).isEqualTo(400);
        assertThat(page.locator("#error-learningRate")).containsText("at least");
        assertThat(page.locator("#learningRate")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#learningRate")).hasValue("-1");
        Browser.screenshot(page, "invalid-learning-rate");
    }
}
