package dev.lectern.web;

import static dev.lectern.web.Rendered.whenRendered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.web.page.DashboardPage;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardTemplateTest {

    @Test
    void listsLoadedPluginsWithLinksTopicAndVersion() {
        whenRendered("dashboard.jte", new DashboardPage(List.of(Samples.linearRegression()), List.of()))
                .thenContains(
                        "<title>Dashboard · Lectern</title>",
                        "<a href=\"/plugins/linear-regression\">Linear regression</a>",
                        "Cost function and gradient descent",
                        "Fits a line to the data by minimising the mean squared error.",
                        "v0.1.0")
                .thenDoesNotContain("class=\"card plugin failed\"");
    }

    @Test
    void showsAFailedPluginWithItsError() {
        Rendered page = whenRendered(
                "dashboard.jte",
                new DashboardPage(List.of(Samples.linearRegression(), Samples.brokenPlugin()), List.of()));

        page.thenContainsInOrder(
                "class=\"card plugin failed\"", "broken.jar", "API version 2 required, this server provides 1");
        assertThat(page.html()).doesNotContain("href=\"/plugins/\"");
    }

    @Test
    void listsRecentExperimentsWithStatusBadgesAndALinkToAll() {
        whenRendered(
                        "dashboard.jte",
                        new DashboardPage(
                                List.of(Samples.linearRegression()),
                                List.of(Samples.row(12, "fast", "RUNNING"), Samples.row(11, "slow", "FAILED"))))
                .thenContains(
                        "Recent experiments",
                        "href=\"/experiments\"",
                        "<a href=\"/experiments/12\">fast</a>",
                        "<span class=\"badge status-running\">RUNNING</span>",
                        "<span class=\"badge status-failed\">FAILED</span>",
                        "4.4770",
                        "1.2 s",
                        "ex1data1")
                .thenContainsInOrder("/experiments/12", "/experiments/11");
    }

    @Test
    void saysSoWhenThereAreNoExperiments() {
        whenRendered("dashboard.jte", new DashboardPage(List.of(Samples.linearRegression()), List.of()))
                .thenContains("No experiments yet.")
                .thenDoesNotContain("<table");
    }

    @Test
    void layoutMarksTheCurrentPageAndLinksTheStylesheet() {
        Rendered page = whenRendered("dashboard.jte", new DashboardPage(List.of(), List.of()));

        page.thenContains(
                "<!DOCTYPE html>",
                "<meta charset=\"utf-8\">",
                "name=\"viewport\"",
                "<link rel=\"stylesheet\" href=\"/css/app.css\">",
                "<a class=\"brand\" href=\"/\">Lectern</a>",
                "<a href=\"/\" aria-current=\"page\">Dashboard</a>",
                "<a href=\"/experiments\">Experiments</a>");
    }
}
