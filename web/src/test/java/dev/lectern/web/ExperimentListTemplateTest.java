package dev.lectern.web;

import static dev.lectern.web.Rendered.whenRendered;

import dev.lectern.web.page.KeyValue;
import dev.lectern.web.page.MetricCell;
import dev.lectern.web.page.Pager;
import dev.lectern.web.page.RunFilters;
import dev.lectern.web.page.RunRow;
import dev.lectern.web.page.RunsPage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runs table: pages, filters kept in every link, sort arrows, and the last and best of each metric. */
class ExperimentListTemplateTest {

    static final RunFilters NEWEST = new RunFilters("", "", "", "", "", "id", true);

    static RunRow run(long id, String name, String status) {
        return new RunRow(
                id,
                name,
                "Linear regression",
                "ex1data1",
                "cpu",
                status,
                "2026-11-23 10:00:00 UTC",
                "1.2 s",
                List.of(new KeyValue("learningRate", "0.01")),
                List.of("baseline"),
                List.of(new MetricCell("loss", "4.48", "4.47", "1400", false)),
                40);
    }

    static RunsPage page(List<RunRow> rows, Pager pager, RunFilters filters) {
        return new RunsPage(
                rows,
                pager,
                filters,
                List.of(new KeyValue("mlp", "Multi-layer perceptron")),
                List.of("ex1data1", "xor"),
                List.of("QUEUED", "SUCCEEDED"),
                List.of("loss"),
                "");
    }

    @Test
    void aMiddlePageLinksBothWays() {
        whenRendered(
                        "experiments/index.jte",
                        page(List.of(run(30, "a", "SUCCEEDED")), new Pager(2, 3, 55, NEWEST.url()), NEWEST))
                .thenContains(
                        "<a href=\"/experiments?sort=id&amp;dir=desc&amp;page=1\" rel=\"prev\" id=\"pager-prev\">",
                        "<span class=\"pager-status\" id=\"pager-status\">Page 2 of 3 (55 experiments)</span>",
                        "<a href=\"/experiments?sort=id&amp;dir=desc&amp;page=3\" rel=\"next\" id=\"pager-next\">",
                        "<a href=\"/experiments\" aria-current=\"page\">Experiments</a>");
    }

    @Test
    void theFirstAndLastPagesDoNotLinkPastTheEnds() {
        whenRendered(
                        "experiments/index.jte",
                        page(List.of(run(1, "only", "QUEUED")), new Pager(1, 1, 1, NEWEST.url()), NEWEST))
                .thenContains(
                        "Page 1 of 1 (1 experiment)",
                        "<span class=\"disabled\" id=\"pager-prev\"",
                        "<span class=\"disabled\" id=\"pager-next\"",
                        "data-active=\"true\"",
                        "<progress class=\"row-progress\"")
                .thenDoesNotContain("rel=\"prev\"", "rel=\"next\"");
    }

    @Test
    void filtersStayInThePagerSortLinksAndExports() {
        RunFilters filters = new RunFilters("mlp", "", "SUCCEEDED", "", "food truck", "best:loss", false);
        whenRendered("experiments/index.jte", page(List.of(), new Pager(1, 2, 30, filters.url()), filters))
                .thenContains(
                        "href=\"/experiments?plugin=mlp&amp;status=SUCCEEDED&amp;q=food+truck&amp;sort=best%3Aloss&amp;dir=asc&amp;page=2\"",
                        "href=\"/api/experiments/export.csv?plugin=mlp&amp;status=SUCCEEDED&amp;q=food+truck\"",
                        "<option value=\"best:loss\" selected>best loss</option>",
                        "No experiments match.");
    }

    @Test
    void rowsShowParamsTagsAndTheBestValueWithItsStep() {
        RunFilters byName = new RunFilters("", "", "", "", "", "name", false);
        whenRendered(
                        "experiments/index.jte",
                        page(List.of(run(7, "lr 0.01", "SUCCEEDED")), new Pager(1, 1, 1, byName.url()), byName))
                .thenContains(
                        "<span class=\"param-name\">learningRate</span> 0.01",
                        "<a class=\"tag\" href=\"/experiments?tag=baseline\">baseline</a>",
                        "<span class=\"metric-name\">loss</span> 4.48 <span class=\"best\">(4.47 @ 1400)</span>",
                        "aria-sort=\"ascending\"><a href=\"/experiments?sort=name&amp;dir=desc\">Name ▲</a>");
    }
}
