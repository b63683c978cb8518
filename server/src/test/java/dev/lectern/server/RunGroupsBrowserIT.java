package dev.lectern.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import dev.lectern.server.testing.Browser;
import dev.lectern.server.testing.BrowserTest;
import dev.lectern.server.testing.Http;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs grouped by their settings on the real server: the runs table filtered by hyperparameters (API, exports and
 * page, a readable 400 for a mistyped condition), grouped by one with a heading per value, and the compare page's
 * curves coloured by one, with runs of one value in one colour that stands out from the chart's white.
 */
class RunGroupsBrowserIT extends BrowserTest {

    static Http http;
    static long slowShort;
    static long midShort;
    static long midLong;
    static long fastLong;

    @BeforeAll
    static void fourRunsOnAGridOfRatesAndEpochs() throws Exception {
        http = new Http(server.url());
        slowShort = linear("slow short", 0.001, 100);
        midShort = linear("mid short", 0.01, 100);
        midLong = linear("mid long", 0.01, 200);
        fastLong = linear("fast long", 0.1, 200);
        for (long id : List.of(slowShort, midShort, midLong, fastLong)) {
            http.awaitStatus(id, "SUCCEEDED"::equals, Duration.ofSeconds(120));
        }
    }

    @Test
    void theApiAndTheExportsFilterByHyperparametersAndRefuseBadSyntaxNamingHp() throws Exception {
        assertThat(ids("hp=" + enc("learningRate=0.01"))).containsExactly(midLong, midShort);
        assertThat(ids("hp=" + enc("learningRate=1e-2"))).containsExactly(midLong, midShort);
        assertThat(ids("hp=" + enc("epochs>100"))).containsExactly(fastLong, midLong);
        assertThat(ids("hp=" + enc("epochs>=100") + "&hp=" + enc("learningRate<0.05")))
                .as("repeated hp, ANDed")
                .containsExactly(midLong, midShort, slowShort);
        assertThat(ids("hp=" + enc("learningRate=0.01, epochs>100"))).containsExactly(midLong);
        JsonNode second = http.get("/api/experiments?size=1&page=2&sort=id&dir=asc&hp=" + enc("epochs<=100"))
                .json();
        assertThat(second.get("total").asLong())
                .as("the count follows the filter")
                .isEqualTo(2);
        assertThat(second.get("items").get(0).get("id").asLong()).isEqualTo(midShort);
        assertThat(ids("group=learningRate&sort=id&dir=desc"))
                .as("grouped: the rates in order, newest first within one")
                .containsExactly(slowShort, midLong, midShort, fastLong);

        Http.Response operator = http.get("/api/experiments?hp=" + enc("epochs=>100"));
        assertThat(operator.status()).isEqualTo(400);
        assertThat(operator.json().get("field").asText()).isEqualTo("hp");
        assertThat(operator.json().get("error").asText()).contains("unknown operator '=>'");
        Http.Response notANumber = http.get("/api/experiments?hp=" + enc("epochs>many"));
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().get("error").asText()).contains("> compares numbers");
        Http.Response group = http.get("/api/experiments?group=" + enc("learning rate"));
        assertThat(group.status()).isEqualTo(400);
        assertThat(group.json().get("field").asText()).isEqualTo("group");
        assertThat(http.get("/api/experiments/export.csv?hp=" + enc("epochs=>1"))
                        .status())
                .isEqualTo(400);

        String csv = text("/api/experiments/export.csv?hp=" + enc("learningRate=0.01"));
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv).contains("mid short").contains("mid long").doesNotContain("fast long");
    }

    @Test
    @Timeout(120)
    void thePageGroupsRowsUnderAHeadingPerValueAndKeepsTheFilterInItsLinks() {
        page.navigate(server.url() + "/experiments?group=learningRate&sort=best:loss&dir=asc");
        Locator heads = page.locator("#runs tr.group-head");
        assertThat(heads).hasCount(3);
        assertThat(heads.nth(0)).containsText("learningRate = 0.001");
        assertThat(heads.nth(0)).containsText("1 run");
        assertThat(heads.nth(1)).containsText("learningRate = 0.01");
        assertThat(heads.nth(1)).containsText("2 runs");
        assertThat(heads.nth(1)).containsText("best loss ");
        assertThat(heads.nth(2)).containsText("learningRate = 0.1");
        // The rows of 0.01 follow its heading, best loss first: the longer run learnt more.
        List<String> order = new ArrayList<>();
        page.locator("#runs tbody tr").all().forEach(tr -> order.add(tr.getAttribute("id")));
        assertThat(order.indexOf("experiment-" + midLong)).isEqualTo(order.indexOf("experiment-" + midShort) - 1);
        assertThat(page.locator("#filter-group")).hasValue("learningRate");
        Browser.screenshot(page, "runs-grouped-by-learning-rate");

        page.locator("#filter-hp").fill("epochs>100");
        page.locator("#apply-filters").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*hp=epochs%3E100.*"));
        assertThat(page.locator("#runs tr[data-id]")).hasCount(2);
        assertThat(page.locator("#pager-status")).containsText("(2 experiments)");
        String sortLink = page.locator("#runs thead a").nth(1).getAttribute("href");
        assertThat(sortLink).contains("hp=epochs%3E100").contains("group=learningRate");
        assertThat(page.locator("#export-csv").getAttribute("href")).contains("hp=epochs%3E100");

        Response refused = page.navigate(server.url() + "/experiments?hp=" + enc("epochs=>100"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(page.locator("#filters-error")).containsText("hp: 'epochs=>100': unknown operator '=>'");
        assertThat(page.locator("#filter-hp")).hasValue("epochs=>100");
        assertThat(page.locator("#runs")).hasCount(0);
        Browser.screenshot(page, "runs-refused-filter");
    }

    @Test
    @Timeout(120)
    void compareCurvesTakeTheColourOfTheirLearningRateWithALegend() {
        page.navigate(server.url() + "/experiments?group=learningRate");
        for (long id : List.of(slowShort, midShort, midLong, fastLong)) {
            page.locator("#experiment-" + id + " input.select-run").check();
        }
        page.locator("#compare").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/compare\\?ids=.*&colorBy=learningRate"));
        Locator loss = page.locator("canvas#compare-loss");
        assertThat(loss).hasAttribute("data-colors", java.util.regex.Pattern.compile(".+"));
        // A curve per run and series (loss/train, loss/test: series after series), the runs in the ids' order.
        List<String> idsInUrl =
                Arrays.asList(page.url().replaceAll(".*ids=([0-9,]+).*", "$1").split(","));
        List<String> colours = Arrays.asList(loss.getAttribute("data-colors").split("\\|"));
        assertThat(colours.size() % 4).isZero();
        assertThat(colours.subList(colours.size() - 4, colours.size())).isEqualTo(colours.subList(0, 4));
        String mid1 = colours.get(idsInUrl.indexOf(Long.toString(midShort)));
        String mid2 = colours.get(idsInUrl.indexOf(Long.toString(midLong)));
        String slow = colours.get(idsInUrl.indexOf(Long.toString(slowShort)));
        String fast = colours.get(idsInUrl.indexOf(Long.toString(fastLong)));
        assertThat(mid1).as("one rate, one colour").isEqualTo(mid2);
        assertThat(new HashSet<>(List.of(slow, mid1, fast)))
                .as("three rates, three colours")
                .hasSize(3);

        Locator legend = page.locator("#color-legend li");
        assertThat(legend).hasCount(3);
        assertThat(legend.nth(0)).containsText("0.001");
        assertThat(legend.nth(0)).containsText("(1 run)");
        assertThat(legend.nth(1)).containsText("0.01");
        assertThat(legend.nth(1)).containsText("(2 runs)");
        assertThat(legend.nth(2)).containsText("0.1");
        assertThat(legend.nth(0).getAttribute("data-color")).isEqualTo(slow);
        assertThat(legend.nth(1).getAttribute("data-color")).isEqualTo(mid1);
        assertThat(legend.nth(2).getAttribute("data-color")).isEqualTo(fast);
        assertThat(page.locator("#color-key-title")).containsText("ordered");
        assertThat(page.locator("#color-by")).hasValue("learningRate");
        for (String colour : List.of(slow, mid1, fast)) {
            assertThat(AccessibilityIT.contrast(colour, "#ffffff"))
                    .as(colour + " on the chart's white")
                    .isGreaterThanOrEqualTo(3.0);
        }
        Browser.screenshot(page, "compare-colored-by-learning-rate");

        // Back to a colour per run with the control, then a parameter no run has.
        page.locator("#color-by").selectOption("");
        page.locator("#color-by-apply").click();
        assertThat(page.locator("#color-legend")).hasCount(0);
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*colorBy=$"));
        assertThat(page.locator("canvas#compare-loss"))
                .hasAttribute("data-colors", java.util.regex.Pattern.compile(".+"));
        String perRun = page.locator("canvas#compare-loss").getAttribute("data-colors");
        assertThat(new HashSet<>(Arrays.asList(perRun.split("\\|"))))
                .as("a colour per run")
                .hasSize(4);

        Response unknown =
                page.navigate(server.url() + "/compare?ids=" + slowShort + "," + fastLong + "&colorBy=momentum");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(page.locator("#color-error")).containsText("none of these runs has a hyperparameter 'momentum'");
        assertThat(page.locator("canvas#compare-loss"))
                .hasAttribute("data-colors", java.util.regex.Pattern.compile(".+"));
    }

    private static List<Long> ids(String query) {
        Http.Response response = http.get("/api/experiments?" + query);
        assertThat(response.status()).as(query + ": " + response.json()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        response.json().get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String text(String path) throws Exception {
        HttpResponse<String> response = http.client()
                .send(
                        HttpRequest.newBuilder(URI.create(server.url() + path))
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static long linear(String name, double rate, int epochs) {
        Http.Response created = http.post(
                "/api/experiments",
                "{\"plugin\":\"linear-regression\",\"dataset\":\"linear-synthetic\",\"name\":\"" + name
                        + "\",\"params\":{\"learningRate\":" + rate + ",\"epochs\":" + epochs + "}}");
        assertThat(created.status()).as(String.valueOf(created.json())).isEqualTo(201);
        return created.json().get("id").asLong();
    }
}
