package dev.lectern.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.BoundingBox;
import dev.lectern.server.testing.Browser;
import dev.lectern.server.testing.BrowserTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The neural-network lessons in a real browser: the XOR network from its defaults with its boundary, and a digit drawn
 * on the canvas of a trained CNN answered with ten probabilities. Screenshots go to {@code target/screenshots/}.
 */
class LessonsBrowserIT extends BrowserTest {

    @Test
    @Timeout(120)
    void theXorNetworkFromItsDefaultsGetsAllFourRowsAndDrawsItsBoundary() {
        page.navigate(server.url() + "/plugins/mlp?dataset=xor");
        assertThat(page.locator("#hiddenLayers")).hasValue("4");
        page.locator("#run").click();
        page.waitForURL("**/experiments/*");

        assertThat(page.locator("#status"))
                .hasText("SUCCEEDED", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
        assertThat(summaryValue("Training accuracy")).hasText("1");
        Locator boundary = page.locator("figure.view-heatmap").first();
        assertThat(boundary).containsText("boundary");
        assertThat(boundary.locator("canvas[role=img]")).isVisible();
        Browser.screenshot(page, "xor-boundary");
    }

    @Test
    @Timeout(300)
    void aDigitDrawnOnTheCanvasOfATrainedCnnGetsTenProbabilities() throws Exception {
        // A quick CNN (3 000 images, one epoch): the canvas and its answer are under test, not the accuracy.
        page.navigate(server.url() + "/plugins/cnn?dataset=mnist");
        page.locator("#trainLimit").fill("3000");
        page.locator("#epochs").fill("1");
        page.locator("#run").click();
        page.waitForURL("**/experiments/*");
        assertThat(page.locator("#status"))
                .hasText("SUCCEEDED", new LocatorAssertions.HasTextOptions().setTimeout(240_000));

        // The predict form arrives with the finished page; it can be drawn on once its script has taken it over.
        Locator canvas = page.locator("#digit-canvas[data-ready=true]");
        assertThat(canvas).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        canvas.scrollIntoViewIfNeeded();
        BoundingBox box = canvas.boundingBox();
        // A "1": one stroke down the middle, drawn as a person drags the mouse.
        page.mouse().move(box.x + box.width * 0.5, box.y + box.height * 0.2);
        page.mouse().down();
        page.mouse()
                .move(
                        box.x + box.width * 0.52,
                        box.y + box.height * 0.8,
                        new com.microsoft.playwright.Mouse.MoveOptions().setSteps(12));
        page.mouse().up();
        assertThat(page.locator("#digit")).hasValue(java.util.regex.Pattern.compile("^data:image/png;base64,.+"));

        Response response = page.waitForResponse(
                r -> r.url().endsWith("/predict"),
                () -> page.locator("#predict").click());
        assertThat(response.status()).isEqualTo(200);
        JsonNode answer = new ObjectMapper().readTree(response.text());
        assertThat(answer.get("values").size()).as("one probability per digit").isEqualTo(10);
        double sum = 0;
        for (JsonNode p : answer.get("values")) {
            sum += p.asDouble();
        }
        assertThat(sum).isBetween(0.999, 1.001);
        assertThat(page.locator("#prediction")).containsText("% sure");
        assertThat(page.locator("#prediction-views > figure")).hasCount(2);
        assertThat(page.locator("#prediction-views canvas").first()).isVisible();
        Browser.screenshot(page, "cnn-canvas-prediction");

        page.locator("#digit-clear").click();
        assertThat(page.locator("#digit")).hasValue("");
    }

    @Test
    @Timeout(120)
    void theHelloRnnsPredictedStringGoesFromNoiseToEllo() {
        page.navigate(server.url() + "/plugins/char-rnn?dataset=hello");
        page.locator("#run").click();
        page.waitForURL("**/experiments/*");
        assertThat(page.locator("#status"))
                .hasText("SUCCEEDED", new LocatorAssertions.HasTextOptions().setTimeout(60_000));

        Locator predicted = page.locator("#texts-predicted li");
        assertThat(predicted.first().locator(".text-value")).hasText("ello");
        assertThat(predicted.first().locator(".text-step")).containsText("step 100");
        assertThat(predicted.last().locator(".text-value")).not().hasText("ello");
        assertThat(page.locator("#texts-section")).isVisible();
        Browser.screenshot(page, "hello-rnn");

        // The charts stand in the order char-rnn declares, whether the page watched the run (metrics arriving in
        // report order) or opened it afterwards (metrics read back by name).
        List<String> declared = List.of("loss", "lossPerEpoch", "perplexity", "P(right next char)", "gradNorm");
        page.waitForFunction("() => document.querySelectorAll('#metrics > figure').length >= 4");
        List<String> watched = charts();
        assertThat(watched).as("charts of the watched run").containsAll(List.of("loss", "perplexity", "gradNorm"));
        assertThat(watched)
                .as("charts of the watched run, in declared order")
                .isEqualTo(declared.stream().filter(watched::contains).toList());
        page.reload();
        page.waitForFunction("n => document.querySelectorAll('#metrics > figure').length === n", watched.size());
        assertThat(charts()).as("charts after a reload").isEqualTo(watched);
    }

    private List<String> charts() {
        return page.locator("#metrics > figure").all().stream()
                .map(f -> f.getAttribute("data-chart"))
                .toList();
    }

    private Locator summaryValue(String name) {
        return page.locator("#summary tr")
                .filter(new Locator.FilterOptions().setHasText(name))
                .locator("td");
    }
}
