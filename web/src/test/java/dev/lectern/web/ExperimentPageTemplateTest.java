package dev.lectern.web;

import static dev.lectern.web.Rendered.whenRendered;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExperimentPageTemplateTest {

    @Test
    void aRunningExperimentCarriesItsIdStatusAndProgress() {
        whenRendered("experiments/show.jte", Samples.experiment("RUNNING", true, ""))
                .thenContains("<title>lr 0.01 · Lectern</title>",
                        "<main class=\"container\" id=\"experiment\" data-id=\"42\" data-status=\"RUNNING\">",
                        "<span class=\"badge status-running\" id=\"status\">RUNNING</span>",
                        "<progress id=\"progress-bar\" value=\"10\" max=\"1500\">",
                        "<span id=\"progress-text\">step 10 of 1500</span>",
                        "<div id=\"metrics\"", "<table class=\"kv\" id=\"summary\">", "<div id=\"views\"",
                        "<a href=\"/plugins/linear-regression\">Linear regression</a>", "<code>ex1data1</code>");
    }

    @Test
    void includesChartJsFromTheWebjarAndTheLiveScript() {
        whenRendered("experiments/show.jte", Samples.experiment("RUNNING", true, ""))
                .thenContainsInOrder("<script src=\"/webjars/chart.js/4.4.7/dist/chart.umd.js\" defer></script>",
                        "<script src=\"/js/experiment.js\" defer></script>", "</head>");
    }

    @Test
    void theCancelFormIsThereOnlyWhileTheRunIsActive() {
        whenRendered("experiments/show.jte", Samples.experiment("QUEUED", true, ""))
                .thenContains("<form method=\"post\" action=\"/experiments/42/cancel\" id=\"cancel-form\">",
                        "<button type=\"submit\" id=\"cancel\" class=\"secondary\">Cancel</button>");
        whenRendered("experiments/show.jte", Samples.experiment("SUCCEEDED", false, ""))
                .thenDoesNotContain("cancel-form", "id=\"cancel\"");
    }

    @Test
    void theErrorElementIsHiddenWhenEmptyAndShownOtherwise() {
        Rendered ok = whenRendered("experiments/show.jte", Samples.experiment("SUCCEEDED", false, ""));
        assertThat(ok.tagWith("id=\"error\"")).contains(" hidden");

        Rendered failed = whenRendered("experiments/show.jte", Samples.experiment("FAILED", false, "loss became NaN"));
        assertThat(failed.tagWith("id=\"error\"")).doesNotContain("hidden");
        failed.thenContains(">loss became NaN</p>", "<span class=\"badge status-failed\" id=\"status\">FAILED</span>");
    }

    @Test
    void rendersSummaryParamsAndFactsTables() {
        whenRendered("experiments/show.jte", Samples.experiment("SUCCEEDED", false, ""))
                .thenContainsInOrder("id=\"summary\"", "<th scope=\"row\">W</th><td>1.16636</td>",
                        "<th scope=\"row\">b</th><td>-3.63029</td>",
                        "id=\"params\"", "<th scope=\"row\">learningRate</th><td>0.01</td>",
                        "id=\"facts\"", "<th scope=\"row\">device</th><td>cpu</td>");
    }
}
