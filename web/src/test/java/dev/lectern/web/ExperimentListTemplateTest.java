package dev.lectern.web;

import static dev.lectern.web.Rendered.whenRendered;

import dev.lectern.web.page.ExperimentListPage;
import dev.lectern.web.page.Pager;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentListTemplateTest {

    @Test
    void aMiddlePageLinksBothWays() {
        whenRendered("experiments/index.jte",
                new ExperimentListPage(List.of(Samples.row(30, "a", "SUCCEEDED")), new Pager(2, 3, 55, "/experiments")))
                .thenContains("<a href=\"/experiments?page=1\" rel=\"prev\" id=\"pager-prev\">",
                        "<span class=\"pager-status\" id=\"pager-status\">Page 2 of 3 (55 experiments)</span>",
                        "<a href=\"/experiments?page=3\" rel=\"next\" id=\"pager-next\">",
                        "<a href=\"/experiments\" aria-current=\"page\">Experiments</a>");
    }

    @Test
    void theFirstAndLastPagesDoNotLinkPastTheEnds() {
        whenRendered("experiments/index.jte",
                new ExperimentListPage(List.of(Samples.row(1, "only", "QUEUED")), new Pager(1, 1, 1, "/experiments")))
                .thenContains("Page 1 of 1 (1 experiment)", "<span class=\"disabled\" id=\"pager-prev\"",
                        "<span class=\"disabled\" id=\"pager-next\"")
                .thenDoesNotContain("rel=\"prev\"", "rel=\"next\"");
    }

    @Test
    void keepsTheFiltersOfTheBaseUrl() {
        whenRendered("experiments/index.jte",
                new ExperimentListPage(List.of(), new Pager(1, 2, 30, "/experiments?plugin=mlp")))
                .thenContains("href=\"/experiments?plugin=mlp&amp;page=2\"", "No experiments yet.");
    }
}
