package dev.lectern.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.lectern.server.testing.Browser;
import dev.lectern.server.testing.BrowserTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A student holds a linear-regression run on ex1data1 in their hands (issue #17): pauses it, steps three times and
 * sees the step counter advance by exactly three, changes alpha live and sees the change marked on the loss chart,
 * and resumes it to the end.
 */
class ControlBrowserIT extends BrowserTest {

    private static final Pattern PAUSED_AT = Pattern.compile("paused before step (\\d+)");

    @Test
    @Timeout(180)
    void pauseStepThreeTimesChangeAlphaAndResume() {
        page.navigate(server.url() + "/plugins/linear-regression?dataset=ex1data1");
        page.locator("#epochs").fill("100000");
        page.locator("#run").click();
        page.waitForURL("**/experiments/*");
        assertThat(page.locator("#pause")).isVisible();
        assertThat(page.locator("#live-learningRate")).hasValue("0.01");
        // Paused only once the curve has points: a run paused in its first half second showed none in two CI runs
        // (left open on issue #17), and the change's marker sits on the curve.
        page.waitForFunction("() => Number(document.querySelector('canvas#chart-loss')?.dataset.points) > 0");
        page.locator("#pause").click();

        assertThat(page.locator("#paused-at")).containsText("paused before step");
        Matcher m = PAUSED_AT.matcher(page.locator("#paused-at").textContent());
        assertThat(m.find()).isTrue();
        long at = Long.parseLong(m.group(1));
        assertThat(page.locator("#progress-text")).hasText("step " + at + " of 100000");
        assertThat(page.locator("#resume")).isVisible();
        assertThat(page.locator("#status")).hasText("RUNNING");

        for (int i = 1; i <= 3; i++) {
            page.locator("#step-1").click();
            assertThat(page.locator("#paused-at")).hasText("paused before step " + (at + i));
            assertThat(page.locator("#progress-text")).hasText("step " + (at + i) + " of 100000");
        }
        page.waitForTimeout(500);
        assertThat(page.locator("#progress-text")).hasText("step " + (at + 3) + " of 100000");

        page.locator("#live-learningRate").fill("0.015");
        page.locator("#live-apply").click();
        page.locator("#step-1").click();
        assertThat(page.locator("#control-events")).containsText("alpha 0.01 -> 0.015 at step " + (at + 3));
        page.waitForFunction("() => Number(document.querySelector('canvas#chart-loss')?.dataset.markers) === 1");
        assertThat(page.locator("canvas#chart-loss").getAttribute("data-marker-steps"))
                .isEqualTo(String.valueOf(at + 3));
        assertThat(page.locator("#params tr", new Page.LocatorOptions().setHasText("learningRate")))
                .containsText("0.01 \u2192 0.015 (live, from step " + (at + 3) + ")");
        Browser.screenshot(page, "run-paused-alpha-changed");
        var wide = page.viewportSize();
        page.setViewportSize(390, 844);
        Browser.screenshot(page, "run-paused-alpha-changed-390");
        page.setViewportSize(wide.width, wide.height);

        page.locator("#resume").click();
        assertThat(page.locator("#pause")).isVisible();
        assertThat(page.locator("#status"))
                .hasText("SUCCEEDED", new LocatorAssertions.HasTextOptions().setTimeout(120_000));
        assertThat(page.locator("#progress-text")).hasText("step 100000 of 100000");
        assertThat(page.locator("#control")).isHidden();
        assertThat(page.locator("#control-events")).containsText("alpha 0.01 -> 0.015 at step " + (at + 3));
        page.waitForFunction("() => Number(document.querySelector('canvas#chart-loss')?.dataset.markers) === 1");
        Browser.screenshot(page, "run-held-and-finished");
    }
}
