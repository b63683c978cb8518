package dev.lectern.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.lectern.server.testing.Browser;
import dev.lectern.server.testing.BrowserTest;
import dev.lectern.server.testing.Http;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Charts that tell the truth, on real runs (#18): a series of one or two points is listed as values, not drawn as a
 * line on a stretched axis; every chart's label gives its first, last and best values and its "Show data" table lists
 * exactly the points drawn (with a CSV of them); discrete heat maps are cells named by their categories; a class keeps
 * its colour and mark across a page; result tables show plain names; the dashboard lists the lectures in order; the
 * compare page's hyperparameters stay in view at 1400 px and its chart keeps its plot at 390 px.
 */
class ChartsBrowserIT extends BrowserTest {

    static Http http;
    static long cnn;
    static long lstm;
    static long charRnn;
    static long logistic;
    static long slow;
    static long fast;

    @BeforeAll
    static void trainOneRunOfEach() throws Exception {
        http = new Http(server.url());
        cnn = create("cnn", "mnist", "CNN", "{\"epochs\":1,\"trainLimit\":200}");
        lstm = create("lstm-forecaster", "data-02-stock_daily", "LSTM", "{\"iterations\":40}");
        charRnn = create("char-rnn", "hello", "hello", "{\"epochs\":5}");
        logistic = create("logistic-regression", "ex2data1", "admission", "{\"epochs\":200}");
        // Long names, as the form gives them: the compare table must still show both runs' values.
        slow = create(
                "linear-regression",
                "ex1data1",
                "Linear regression on Food truck profit by city population (Coursera ex1), slow",
                "{\"epochs\":200,\"learningRate\":0.005}");
        fast = create(
                "linear-regression",
                "ex1data1",
                "Linear regression on Food truck profit by city population (Coursera ex1), fast",
                "{\"epochs\":200,\"learningRate\":0.01}");
        for (long id : List.of(cnn, lstm, charRnn, logistic, slow, fast)) {
            http.awaitStatus(id, "SUCCEEDED"::equals, Duration.ofSeconds(180));
        }
    }

    @Test
    @Timeout(120)
    void seriesOfFewerThanThreePointsAreListedAsValuesNotDrawnAsLines() {
        page.navigate(server.url() + "/experiments/" + cnn);
        // One epoch: each per-epoch metric has one point.
        for (String chart : List.of("accuracy", "imagesPerSecond", "secondsPerEpoch")) {
            Locator figure = page.locator("#metric-" + chart);
            assertThat(figure).hasAttribute("data-shown", "values");
            assertThat(figure.locator(".chart-box")).isHidden();
            int points = Integer.parseInt(figure.locator("canvas").getAttribute("data-points"));
            assertThat(points).as(chart).isBetween(1, 2);
            assertThat(figure.locator("table.chart-values tbody tr")).hasCount(points);
        }
        assertThat(page.locator("#metric-accuracy table.chart-values")).containsText("train");
        assertThat(page.locator("#metric-accuracy table.chart-values")).containsText("test");
        // The loss has a point per step: a line.
        assertThat(page.locator("#metric-loss")).hasAttribute("data-shown", "line");
        assertThat(page.locator("#metric-loss .chart-box")).isVisible();
        Browser.screenshot(page, "charts-cnn-values");

        page.navigate(server.url() + "/experiments/" + lstm);
        Locator rmse = page.locator("#metric-test-rmse");
        assertThat(rmse).hasAttribute("data-shown", "values");
        assertThat(rmse.locator("table.chart-values tbody tr")).hasCount(3);
        for (String series : List.of("lstm", "persistence", "moving average")) {
            assertThat(rmse.locator("table.chart-values")).containsText(series);
        }
        assertThat(page.locator("#metric-validation-rmse")).hasAttribute("data-shown", "line");
    }

    @Test
    @Timeout(120)
    void everyChartSaysItsFirstLastAndBestAndItsShowDataTableListsWhatIsDrawn() {
        page.navigate(server.url() + "/experiments/" + logistic);
        Locator loss = page.locator("#metric-loss");
        assertThat(loss).hasAttribute("data-shown", "line");
        Locator canvas = loss.locator("canvas");
        String label = canvas.getAttribute("aria-label");
        assertThat(label).startsWith("loss by step").contains("first ", "last ", "best (lowest) ");
        int points = Integer.parseInt(canvas.getAttribute("data-points"));
        assertThat(points).as("a point per step").isGreaterThan(100);

        // By keyboard: the disclosure is a <details>, its summary takes the focus and Enter opens it.
        Locator summary = loss.locator("details.chart-data > summary");
        summary.focus();
        page.keyboard().press("Enter");
        Locator table = loss.locator("table.chart-data-table");
        assertThat(table).isVisible();
        assertThat(table).hasAttribute("data-rows", String.valueOf(points));
        assertThat(table.locator("tbody tr")).hasCount(points);
        String first = table.locator("tbody tr").first().locator("td").nth(2).textContent();
        assertThat(label).contains("first " + first + " at step ");
        String csv = csv(loss);
        assertThat(csv.split("\n")).as("a header and a line per point").hasSize(points + 1);
        assertThat(csv).startsWith("series,step,loss\n");

        // A plugin's views: the scatter's table has its data rows, the heat map's a row per grid cell.
        Locator scatter = page.locator("figure.view-chart").first();
        scatter.locator("details.chart-data > summary").click();
        int drawn = Integer.parseInt(scatter.getAttribute("data-points"));
        assertThat(scatter.locator("table.chart-data-table tbody tr")).hasCount(drawn);
        assertThat(scatter.locator("canvas").getAttribute("aria-label")).contains("first ", "last ");
        Locator map = page.locator("figure.view-heatmap").first();
        int cells = Integer.parseInt(map.locator("canvas[role=img]").getAttribute("data-points"));
        map.locator("details.chart-data > summary").click();
        assertThat(map.locator("table.chart-data-table")).hasAttribute("data-rows", String.valueOf(cells));
        Browser.screenshot(page, "charts-show-data");
    }

    @Test
    @Timeout(120)
    void discreteHeatMapsAreCellsNamedByTheirCategories() {
        page.navigate(server.url() + "/experiments/" + charRnn);
        Locator next = page.locator("figure.view-heatmap", new Page.LocatorOptions().setHasText("P(next character)"))
                .last();
        Locator canvas = next.locator("canvas[role=img]");
        assertThat(canvas).hasAttribute("data-cells", "true");
        // "hello" has the characters e, h, l, o at four positions: 16 cells, named by characters, not codes.
        assertThat(canvas).hasAttribute("data-points", "16");
        next.locator("details.chart-data > summary").click();
        Locator rows = next.locator("table.chart-data-table tbody tr");
        assertThat(rows).hasCount(16);
        List<String> characters = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            characters.add(rows.nth(k).locator("td").first().textContent());
        }
        assertThat(characters).containsExactlyInAnyOrder("e", "h", "l", "o");
        assertThat(next.locator("table.chart-data-table thead")).containsText("next character");
        assertThat(next).not().containsText("0 = h");

        page.navigate(server.url() + "/experiments/" + lstm);
        Locator gate = page.locator("figure.view-heatmap", new Page.LocatorOptions().setHasText("Forget gate"));
        assertThat(gate.locator("canvas[role=img]")).hasAttribute("data-cells", "true");
        // The cost surface of a linear regression stays a continuous map.
        page.navigate(server.url() + "/experiments/" + slow);
        assertThat(page.locator("figure.view-heatmap canvas[role=img]").first()).hasAttribute("data-cells", "false");
    }

    @Test
    @Timeout(60)
    void aClassHasOneColourAndMarkAcrossThePage() {
        page.navigate(server.url() + "/experiments/" + logistic);
        String heatmap = page.locator("figure.view-heatmap").first().getAttribute("data-class-styles");
        String scatter = page.locator("figure.view-chart").first().getAttribute("data-class-styles");
        assertThat(heatmap).contains("admitted = 1=");
        assertThat(styles(scatter)).isEqualTo(styles(heatmap));
    }

    @Test
    @Timeout(60)
    void resultTablesShowPlainNamesForSummaryKeys() {
        page.navigate(server.url() + "/experiments/" + lstm);
        Locator summary = page.locator("#summary");
        assertThat(summary).containsText("Test RMSE (price)");
        assertThat(summary).containsText("Time per iteration (ms)");
        assertThat(summary).containsText("Training time (s)");
        assertThat(summary).not().containsText("testRmsePrice");

        page.navigate(server.url() + "/experiments/" + slow);
        assertThat(page.locator("#summary")).containsText("Time per epoch (ms)");
        assertThat(page.locator("#summary")).not().containsText("msPerEpoch");
        // Keys a plugin does not label are shown as they are.
        assertThat(page.locator("#summary th").first()).hasText("W");
    }

    @Test
    @Timeout(60)
    void theDashboardListsTheLecturesInLectureOrder() {
        page.navigate(server.url() + "/");
        @SuppressWarnings("unchecked")
        List<String> ids =
                (List<String>) page.locator("#plugins > li.plugin").evaluateAll("cards => cards.map(c => c.id)");
        List<String> bundled = List.of(
                "plugin-linear-regression",
                "plugin-logistic-regression",
                "plugin-softmax-regression",
                "plugin-mlp",
                "plugin-cnn",
                "plugin-char-rnn",
                "plugin-lstm-forecaster");
        assertThat(ids.stream().filter(bundled::contains).toList()).isEqualTo(bundled);
        assertThat(page.locator("#plugins")).not().containsText("Lectures 12");
    }

    @Test
    @Timeout(90)
    void compareShowsEveryRunsHyperparametersAt1400AndKeepsItsPlotAt390() {
        page.setViewportSize(1400, 1000);
        page.navigate(server.url() + "/compare?ids=" + slow + "," + fast);
        Locator cells = page.locator("#compare-params tbody td");
        assertThat(cells.first()).isVisible();
        int n = cells.count();
        assertThat(n).isGreaterThanOrEqualTo(2 * 3);
        for (int k = 0; k < n; k++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> box = (Map<String, Object>) cells.nth(k)
                    .evaluate("c => { const r = c.getBoundingClientRect(); return {l: r.left, r: r.right}; }");
            assertThat(((Number) box.get("r")).doubleValue())
                    .as("cell %d of the hyperparameters table ends inside the 1400 px window", k)
                    .isLessThanOrEqualTo(1400);
        }
        Locator rate = page.locator("#compare-params tr", new Page.LocatorOptions().setHasText("learningRate"));
        assertThat(rate).containsText("0.005");
        assertThat(rate).containsText("0.01");
        Browser.screenshot(page, "compare-1400");

        page.setViewportSize(390, 900);
        page.navigate(server.url() + "/compare?ids=" + slow + "," + fast);
        Locator chart = page.locator("#compare-loss");
        assertThat(Integer.parseInt(chart.getAttribute("data-curves"))).isGreaterThanOrEqualTo(2);
        double height = ((Number) chart.evaluate("c => c.getBoundingClientRect().height")).doubleValue();
        assertThat(height)
                .as("the plot keeps the chart's height; the legend is listed below it")
                .isGreaterThan(180);
        assertThat(page.locator(".compare-legend li").first()).isVisible();
        Browser.screenshot(page, "compare-390");
    }

    private static String csv(Locator figure) {
        String href = figure.locator("a.chart-csv").getAttribute("href");
        assertThat(href).startsWith("data:text/csv");
        assertThat(figure.locator("a.chart-csv").getAttribute("download")).endsWith(".csv");
        return URLDecoder.decode(href.substring(href.indexOf(',') + 1), StandardCharsets.UTF_8);
    }

    private static List<String> styles(String attribute) {
        List<String> list = new ArrayList<>(List.of(attribute.split("\\|")));
        list.sort(String::compareTo);
        return list;
    }

    private static long create(String plugin, String dataset, String name, String params) {
        Http.Response created = http.post(
                "/api/experiments",
                "{\"plugin\":\"" + plugin + "\",\"dataset\":\"" + dataset + "\",\"name\":\"" + name + "\",\"params\":"
                        + params + "}");
        org.assertj.core.api.Assertions.assertThat(created.status())
                .as(plugin + ": " + created.json())
                .isEqualTo(201);
        return created.json().get("id").asLong();
    }
}
