package dev.lectern.web;

import static dev.lectern.web.Rendered.whenRendered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.web.page.ExperimentPage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentPageTemplateTest {

    @Test
    void aRunningExperimentCarriesItsIdStatusAndProgress() {
        whenRendered("experiments/show.jte", Samples.experiment("RUNNING", true, ""))
                .thenContains(
                        "<title>lr 0.01 · Lectern</title>",
                        "<main class=\"container\" id=\"experiment\" data-id=\"42\" data-status=\"RUNNING\">",
                        "<span class=\"badge status-running\" id=\"status\">RUNNING</span>",
                        "<progress id=\"progress-bar\" value=\"10\" max=\"1500\">",
                        "<span id=\"progress-text\">step 10 of 1500</span>",
                        "<div id=\"metrics\"",
                        "<table class=\"kv\" id=\"summary\">",
                        "<div id=\"views\"",
                        "<a href=\"/plugins/linear-regression\">Linear regression</a>",
                        "<code>ex1data1</code>");
    }

    @Test
    void includesChartJsFromTheWebjarAndThePageModules() {
        Rendered page = whenRendered("experiments/show.jte", Samples.experiment("RUNNING", true, ""));
        // Chart.js (deferred) runs before the module, which is deferred too and comes later in the document.
        page.thenContainsInOrder(
                "<script src=\"/vendor/chart.js/chart.umd.js\" defer></script>",
                "<script type=\"module\" src=\"/js/experiment.js\"></script>",
                "</head>");
        for (String module : new String[] {
            "common", "metrics", "views", "heatmap", "marks", "contours", "scales", "predict", "gallery"
        }) {
            page.thenContainsInOrder("<link rel=\"modulepreload\" href=\"/js/" + module + ".js\">", "</head>");
            assertThat(Rendered.class.getResource("/public/js/" + module + ".js"))
                    .as(module + ".js is served")
                    .isNotNull();
        }
        assertThat(Rendered.class.getResource("/public/js/experiment.js")).isNotNull();
    }

    @Test
    void theGradientCheckIsOfferedOnlyForAFinishedRunOfAPluginThatChecksGradients() {
        ExperimentPage done = Samples.experiment("SUCCEEDED", false, "");
        whenRendered("experiments/show.jte", withGradientCheck(done, true))
                .thenContainsInOrder(
                        "<section class=\"section panel\" id=\"gradient-section\" aria-labelledby=\"gradient-heading\""
                                + " data-api=\"/api/experiments/42\" hidden>",
                        "<h2 id=\"gradient-heading\">Gradient check</h2>",
                        "<button type=\"button\" id=\"check-gradients\" class=\"secondary\"",
                        "id=\"gradient-result\"",
                        "id=\"manage\"")
                .thenContains("<link rel=\"modulepreload\" href=\"/js/gradients.js\">");
        whenRendered("experiments/show.jte", withGradientCheck(done, false)).thenDoesNotContain("gradient-section");
        whenRendered("experiments/show.jte", withGradientCheck(Samples.experiment("RUNNING", true, ""), true))
                .thenDoesNotContain("gradient-section", "check-gradients");
        assertThat(Rendered.class.getResource("/public/js/gradients.js")).isNotNull();
    }

    private static ExperimentPage withGradientCheck(ExperimentPage p, boolean checks) {
        return new ExperimentPage(
                p.id(),
                p.name(),
                p.pluginId(),
                p.pluginTitle(),
                p.dataset(),
                p.status(),
                p.error(),
                p.waiting(),
                p.progressDone(),
                p.progressTotal(),
                p.active(),
                p.params(),
                p.summary(),
                p.facts(),
                p.predictFields(),
                p.prediction(),
                p.predictError(),
                p.tags(),
                p.notes(),
                p.notesHtml(),
                p.parentId(),
                checks);
    }

    @Test
    void thePredictFormIsThereOnlyWhenTheModelCanPredict() {
        whenRendered("experiments/show.jte", Samples.experiment("SUCCEEDED", false, ""))
                .thenDoesNotContain("predict-form", "id=\"predict\"", "id=\"prediction\"");

        Rendered page = whenRendered(
                "experiments/show.jte", Samples.predicting(List.of(Samples.population("3.5", "")), "", ""));
        page.thenContainsInOrder(
                "id=\"result\"",
                "<form method=\"post\" action=\"/experiments/42/predict\" id=\"predict-form\">",
                "<label for=\"population\">Population (10,000s)</label>",
                "<button type=\"submit\" id=\"predict\" class=\"primary\">Predict</button>",
                "<output id=\"prediction\" class=\"prediction\" for=\"population\" aria-live=\"polite\"></output>",
                "</form>",
                "id=\"params\"");
        assertThat(page.tagWith("name=\"population\""))
                .startsWith("<input type=\"number\" step=\"any\"")
                .contains("id=\"population\"", "value=\"3.5\"");
        assertThat(page.tagWith("id=\"predict-error\"")).contains("class=\"field-error\"", " hidden");
    }

    @Test
    void aPredictionPostedWithoutJavaScriptIsShownInTheOutput() {
        whenRendered(
                        "experiments/show.jte",
                        Samples.predicting(
                                List.of(Samples.population("3.5", ""), Samples.epochs()), "H(3.5) = 0.4520", ""))
                .thenContains("for=\"population epochs\" aria-live=\"polite\">H(3.5) = 0.4520</output>");
    }

    @Test
    void aRefusedInputShowsItsErrorUnderTheFieldOrForTheWholeForm() {
        Rendered fieldError = whenRendered(
                "experiments/show.jte",
                Samples.predicting(List.of(Samples.population("abc", "must be a number")), "", ""));
        assertThat(fieldError.tagWith("name=\"population\"")).contains("aria-invalid=\"true\"", "value=\"abc\"");
        fieldError.thenContainsInOrder(
                "name=\"population\"",
                "<p class=\"field-error\" id=\"error-population\">must be a number</p>",
                "id=\"predict\"");

        Rendered formError = whenRendered(
                "experiments/show.jte",
                Samples.predicting(List.of(Samples.population("3.5", "")), "", "the model file is missing"));
        assertThat(formError.tagWith("id=\"predict-error\"")).doesNotContain("hidden");
        formError.thenContains("role=\"alert\">the model file is missing</p>");
    }

    @Test
    void theCancelFormIsThereOnlyWhileTheRunIsActive() {
        whenRendered("experiments/show.jte", Samples.experiment("QUEUED", true, ""))
                .thenContains(
                        "<form method=\"post\" action=\"/experiments/42/cancel\" id=\"cancel-form\">",
                        "<button type=\"submit\" id=\"cancel\" class=\"danger\">Cancel</button>");
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
                .thenContainsInOrder(
                        "id=\"summary\"",
                        "<th scope=\"row\">W</th><td>1.16636</td>",
                        "<th scope=\"row\">b</th><td>-3.63029</td>",
                        "id=\"params\"",
                        "<th scope=\"row\">learningRate</th><td>0.01</td>",
                        "id=\"facts\"",
                        "<th scope=\"row\">device</th><td>cpu</td>");
    }
}
