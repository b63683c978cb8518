package dev.lectern.web;

import static dev.lectern.web.Rendered.whenRendered;

import dev.lectern.web.page.ComparePage;
import dev.lectern.web.page.ComparePage.ColorKey;
import dev.lectern.web.page.ComparePage.CompareColors;
import dev.lectern.web.page.ComparePage.CompareRow;
import dev.lectern.web.page.ComparePage.CompareRun;
import dev.lectern.web.page.KeyValue;
import dev.lectern.web.page.Pager;
import dev.lectern.web.page.RunFilters;
import dev.lectern.web.page.RunGroupHead;
import dev.lectern.web.page.RunsPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs grouped by their settings: the hyperparameter filter and the grouping kept in every link (the filter in the
 * exports too), a heading row per group, and the compare page's colouring with its legend.
 */
class RunGroupsTemplateTest {

    private static RunsPage page(RunFilters filters, Map<Long, RunGroupHead> heads, String error) {
        return new RunsPage(
                List.of(
                        ExperimentListTemplateTest.run(4, "a", "SUCCEEDED"),
                        ExperimentListTemplateTest.run(5, "b", "SUCCEEDED")),
                new Pager(2, 3, 45, filters.url()),
                filters,
                List.of(new KeyValue("mlp", "Multi-layer perceptron")),
                List.of("xor"),
                List.of("SUCCEEDED"),
                List.of("loss"),
                error,
                List.of("epochs", "learningRate"),
                heads);
    }

    @Test
    void theFilterAndTheGroupingStayInThePagerAndSortLinksAndTheFilterInTheExports() {
        RunFilters filters = new RunFilters(
                "mlp", "", "", "", "", "best:loss", false, "", "learningRate=0.01, epochs>100", "learningRate");
        whenRendered("experiments/index.jte", page(filters, Map.of(), ""))
                .thenContains(
                        "href=\"/experiments?plugin=mlp&amp;hp=learningRate%3D0.01%2C+epochs%3E100&amp;sort=best%3Aloss"
                                + "&amp;dir=asc&amp;group=learningRate&amp;page=3\"",
                        "<a href=\"/experiments?plugin=mlp&amp;hp=learningRate%3D0.01%2C+epochs%3E100&amp;sort=name"
                                + "&amp;dir=asc&amp;group=learningRate\">Name</a>",
                        "href=\"/api/experiments/export.csv?plugin=mlp&amp;hp=learningRate%3D0.01%2C+epochs%3E100\"",
                        "id=\"filter-hp\" value=\"learningRate=0.01, epochs>100\"",
                        "<option value=\"learningRate\" selected>learningRate</option>",
                        "<input type=\"hidden\" name=\"colorBy\" value=\"learningRate\" id=\"compare-color-by\">")
                .thenDoesNotContain("export.csv?plugin=mlp&amp;hp=learningRate%3D0.01%2C+epochs%3E100&amp;group");
    }

    @Test
    void eachGroupStartsWithAHeadingRowSpanningTheTable() {
        RunFilters filters = new RunFilters("", "", "", "", "", "best:loss", false, "", "", "learningRate");
        Map<Long, RunGroupHead> heads = Map.of(
                4L, new RunGroupHead("learningRate", "0.01", 25, "best loss 0.2", true),
                5L, new RunGroupHead("learningRate", "", 1, "", false));
        whenRendered("experiments/index.jte", page(filters, heads, ""))
                .thenContainsInOrder(
                        "<tr class=\"group-head\"><td colspan=\"12\"><strong>learningRate = 0.01</strong> "
                                + "<span class=\"muted\">(continued)</span>",
                        "<span class=\"group-count\">25 runs</span> <span class=\"group-best\">best loss 0.2</span>",
                        "<tr id=\"experiment-4\"",
                        "<strong>no learningRate</strong>",
                        "<span class=\"group-count\">1 run</span></td></tr>",
                        "<tr id=\"experiment-5\"");
    }

    @Test
    void aRefusedFilterStaysInTheFormMarkedWithTheReason() {
        RunFilters filters = new RunFilters("", "", "", "", "", "id", true, "", "epochs=>100", "");
        whenRendered(
                        "experiments/index.jte",
                        page(filters, Map.of(), "hp: 'epochs=>100': unknown operator '=>'; use =, !=, <, <=, > or >="))
                .thenContains(
                        "id=\"filter-hp\" value=\"epochs=>100\"",
                        "class=\"invalid\"",
                        "<p class=\"field-error\" role=\"alert\" id=\"filters-error\">hp: 'epochs=&gt;100': "
                                + "unknown operator")
                .thenDoesNotContain("compare-color-by");
    }

    @Test
    void theComparePageColoursByAParameterWithALegendOfSwatches() {
        ComparePage compare = new ComparePage(
                "3,5,7",
                List.of(
                        new CompareRun(3, "a", "learningRate 0.01", "SUCCEEDED"),
                        new CompareRun(5, "b", "learningRate 0.1", "SUCCEEDED"),
                        new CompareRun(7, "c", "learningRate 0.01", "SUCCEEDED")),
                List.of(new CompareRow("learningRate", List.of("0.01", "0.1", "0.01"), true)),
                List.of(),
                "",
                List.of("learningRate", "epochs"),
                new CompareColors(
                        "learningRate",
                        true,
                        List.of(new ColorKey("0.01", "#1b2a80", 2), new ColorKey("0.1", "#c25e00", 1)),
                        List.of("#1b2a80", "#c25e00", "#1b2a80")),
                "");
        whenRendered("compare.jte", compare)
                .thenContains(
                        "data-colors=\"#1b2a80,#c25e00,#1b2a80\"",
                        "<option value=\"learningRate\" selected>learningRate</option>",
                        "<rect width=\"22\" height=\"16\" rx=\"3\" fill=\"#1b2a80\"/></svg><span class=\"color-value\">"
                                + "0.01</span> <span class=\"muted\">(2 runs)</span>",
                        "(1 run)",
                        "ordered: dark blue smallest, orange largest");

        ComparePage refused = new ComparePage(
                "3,5",
                compare.runs().subList(0, 2),
                compare.params(),
                List.of(),
                "",
                List.of("learningRate"),
                null,
                "colorBy: none of these runs has a hyperparameter 'nope'");
        whenRendered("compare.jte", refused)
                .thenContains("id=\"color-error\">colorBy: none of these runs has a hyperparameter 'nope'")
                .thenDoesNotContain("id=\"color-legend\"", "data-colors=\"#");
    }
}
