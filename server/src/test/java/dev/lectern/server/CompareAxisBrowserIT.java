package dev.lectern.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import dev.lectern.server.testing.Browser;
import dev.lectern.server.testing.BrowserTest;
import dev.lectern.server.testing.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two softmax runs that differ in batch size take different numbers of steps per epoch: the compare page draws them by
 * epoch (so they line up), and by step on request, with the per-epoch accuracy placed at the last step of its epoch.
 */
class CompareAxisBrowserIT extends BrowserTest {

    private static final int EPOCHS = 10;

    static Http http;
    static long fullBatch;
    static long miniBatch;

    @BeforeAll
    static void twoRunsWithOtherBatchSizes() throws Exception {
        http = new Http(server.url());
        fullBatch = softmax(0);
        miniBatch = softmax(20);
        for (long id : List.of(fullBatch, miniBatch)) {
            http.awaitStatus(id, "SUCCEEDED"::equals, Duration.ofSeconds(120));
        }
    }

    @Test
    void theApiSaysWhichMetricsArePerEpochAndHowManyStepsMakeAnEpoch() {
        JsonNode full = http.get("/api/experiments/" + fullBatch + "/metrics").json();
        JsonNode mini = http.get("/api/experiments/" + miniBatch + "/metrics").json();
        assertThat(names(mini.get("chartOrder"))).as("declared charts").containsExactly("loss", "accuracy");
        List<String> series = new ArrayList<>();
        mini.get("series").fieldNames().forEachRemaining(series::add);
        assertThat(series).as("series in chart order").containsExactly("loss", "accuracy/test", "accuracy/train");
        assertThat(full.get("stepsPerEpoch").asLong()).as("full batch").isEqualTo(1);
        long steps = mini.get("stepsPerEpoch").asLong();
        assertThat(steps).as("mini-batches of 20 over the training rows").isGreaterThan(1);
        assertThat(names(mini.get("perEpoch"))).containsExactlyInAnyOrder("accuracy/train", "accuracy/test");
        JsonNode accuracy = mini.get("series").get("accuracy/test");
        assertThat(accuracy.get(accuracy.size() - 1).get(0).asLong())
                .as("last epoch")
                .isEqualTo(EPOCHS);
        JsonNode loss = mini.get("series").get("loss");
        assertThat(loss.get(loss.size() - 1).get(0).asLong()).as("last step").isEqualTo(EPOCHS * steps);

        JsonNode compared =
                http.get("/api/compare?ids=" + fullBatch + "," + miniBatch).json();
        assertThat(compared.get("experiments").get(1).get("stepsPerEpoch").asLong())
                .isEqualTo(steps);
        String csv = http.client()
                .sendAsync(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        server.url() + "/api/experiments/metrics.csv?ids=" + miniBatch))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .join()
                .body();
        assertThat(csv)
                .contains(",accuracy/test," + EPOCHS + ",")
                .contains(",epoch\r\n")
                .contains(",step\r\n");
    }

    @Test
    @Timeout(120)
    void runsWithOtherBatchSizesLineUpByEpochAndSwitchToSteps() {
        long steps = http.get("/api/experiments/" + miniBatch + "/metrics")
                .json()
                .get("stepsPerEpoch")
                .asLong();
        page.navigate(server.url() + "/compare?ids=" + fullBatch + "," + miniBatch);

        Locator loss = page.locator("canvas#compare-loss");
        Locator accuracy = page.locator("canvas#compare-accuracy");
        assertThat(loss).hasAttribute("data-axis", "epoch");
        assertThat(page.locator("#x-epoch")).isChecked();
        assertThat(page.locator("#x-axis-note")).containsText("different numbers of steps per epoch (1, ");
        assertThat(maxX(loss)).as("both runs end after %d epochs", EPOCHS).isCloseTo(EPOCHS, within(1e-9));
        assertThat(maxX(accuracy)).isCloseTo(EPOCHS, within(1e-9));
        Browser.screenshot(page, "compare-by-epoch");

        page.locator("#x-step").check();
        assertThat(loss).hasAttribute("data-axis", "step");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*[?&]x=step.*"));
        assertThat(maxX(loss)).as("the mini-batch run's last step").isEqualTo(EPOCHS * steps);
        assertThat(maxX(accuracy))
                .as("accuracy of the last epoch at its last step")
                .isEqualTo(EPOCHS * steps);
        Browser.screenshot(page, "compare-by-step");

        page.reload();
        assertThat(page.locator("#x-step")).isChecked();
        assertThat(page.locator("canvas#compare-loss")).hasAttribute("data-axis", "step");

        // The charts in the order softmax regression declares (loss, then accuracy), although the metrics are read
        // back by name (accuracy/test, accuracy/train, loss).
        assertThat(page.locator("#compare-charts canvas")).hasCount(2);
        assertThat(page.locator("#compare-charts canvas").first()).hasAttribute("id", "compare-loss");

        // A run's own page: the accuracy chart holds per-epoch metrics only, so it is drawn by epoch.
        page.navigate(server.url() + "/experiments/" + miniBatch);
        assertThat(page.locator("canvas#chart-accuracy")).hasAttribute("data-axis", "epoch");
        assertThat(page.locator("canvas#chart-loss")).hasAttribute("data-axis", "step");
        assertThat(page.locator("#metrics > figure").first()).hasAttribute("data-chart", "loss");
        assertThat(page.locator("#metrics > figure").nth(1)).hasAttribute("data-chart", "accuracy");
        Browser.screenshot(page, "run-page-axes");
    }

    @Test
    @Timeout(120)
    void aRunWithoutDeclaredEpochsKeepsTheComparisonByStepAndSaysWhich() throws Exception {
        // The failing test plugin reports loss the API 1.1 way: per step, with no steps per epoch declared.
        Http.Response created = http.post(
                "/api/experiments",
                "{\"plugin\":\"failing-test\",\"dataset\":\"two-blobs\","
                        + "\"name\":\"undeclared\",\"params\":{\"steps\":5}}");
        assertThat(created.status()).as(String.valueOf(created.json())).isEqualTo(201);
        long undeclared = created.json().get("id").asLong();
        http.awaitStatus(undeclared, "FAILED"::equals, Duration.ofSeconds(60));

        page.navigate(server.url() + "/compare?ids=" + miniBatch + "," + undeclared + "&x=epoch");
        Locator loss = page.locator("canvas#compare-loss");
        assertThat(loss).hasAttribute("data-axis", "step");
        assertThat(page.locator("#x-step")).isChecked();
        assertThat(page.locator("#x-epoch")).isDisabled();
        assertThat(page.locator("#x-axis-note")).containsText("By step only: #" + undeclared + " undeclared");
        Browser.screenshot(page, "compare-undeclared-epochs");
    }

    private static double maxX(Locator canvas) {
        return Double.parseDouble(canvas.getAttribute("data-max-x"));
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    private static long softmax(int batchSize) {
        Http.Response created = http.post(
                "/api/experiments",
                "{\"plugin\":\"softmax-regression\",\"dataset\":\"two-blobs\","
                        + "\"name\":\"batch " + batchSize + "\",\"params\":{\"epochs\":" + EPOCHS + ",\"batchSize\":"
                        + batchSize
                        + ",\"learningRate\":0.05}}");
        assertThat(created.status()).as(String.valueOf(created.json())).isEqualTo(201);
        return created.json().get("id").asLong();
    }
}
