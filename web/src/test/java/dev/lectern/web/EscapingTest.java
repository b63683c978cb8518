package dev.lectern.web;

import static dev.lectern.web.Rendered.whenRendered;

import dev.lectern.web.page.DashboardPage;
import dev.lectern.web.page.ErrorPage;
import dev.lectern.web.page.ExperimentPage;
import dev.lectern.web.page.FormField;
import dev.lectern.web.page.KeyValue;
import dev.lectern.web.page.Pager;
import dev.lectern.web.page.PluginCard;
import dev.lectern.web.page.RunFilters;
import java.util.List;
import org.junit.jupiter.api.Test;

/** User-typed text (names, values, messages) is always escaped. */
class EscapingTest {

    private static final String EVIL = "<script>alert(1)</script>";
    private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

    @Test
    void experimentNamesInTables() {
        whenRendered(
                        "experiments/index.jte",
                        ExperimentListTemplateTest.page(
                                List.of(ExperimentListTemplateTest.run(1, EVIL, "SUCCEEDED")),
                                new Pager(1, 1, 1, "/experiments"),
                                new RunFilters(EVIL, "", "", EVIL, EVIL, "id", true)))
                .thenContains(ESCAPED)
                .thenDoesNotContain("<script>alert");
    }

    @Test
    void theExperimentPage() {
        ExperimentPage page = new ExperimentPage(
                5,
                EVIL,
                "linear-regression",
                "Linear regression",
                "ex1data1",
                "FAILED",
                EVIL,
                EVIL,
                0,
                0,
                false,
                List.of(new KeyValue("learningRate", EVIL)),
                List.of(),
                List.of(),
                List.of(),
                "",
                "",
                java.util.List.of("demo"),
                "**bold** <script>alert(1)</script>",
                "<p><strong>bold</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>",
                0L,
                false);
        whenRendered("experiments/show.jte", page)
                .thenContains("<title>" + ESCAPED + " · Lectern</title>", ">" + ESCAPED + "</h1>")
                .thenDoesNotContain("<script>alert");
    }

    @Test
    void fieldValuesAndTheExperimentNameInTheForm() {
        String quoteBreak = "\"><script>alert(1)</script>";
        FormField field =
                new FormField("learningRate", "Learning rate", "double", quoteBreak, "", "", List.of(), "", EVIL);
        whenRendered("plugins/show.jte", Samples.pluginPage(List.of(field), EVIL, EVIL, quoteBreak))
                .thenContains("value=\"&#34;>&lt;script>alert(1)&lt;/script>\"")
                .thenDoesNotContain("<script>alert", "\"><script");
    }

    @Test
    void thePredictFormItsAnswerAndItsErrors() {
        String quoteBreak = "\"><script>alert(1)</script>";
        FormField field = new FormField("x", "Input " + EVIL, "double", quoteBreak, "", "", List.of(), EVIL, EVIL);
        whenRendered("experiments/show.jte", Samples.predicting(List.of(field), EVIL, EVIL))
                .thenContains(
                        "value=\"&#34;>&lt;script>alert(1)&lt;/script>\"",
                        ">" + ESCAPED + "</output>",
                        "role=\"alert\">" + ESCAPED + "</p>")
                .thenDoesNotContain("<script>alert", "\"><script");
    }

    @Test
    void formulasAndTheGuideAreTextNotMarkup() {
        whenRendered(
                        "plugins/show.jte",
                        new dev.lectern.web.page.PluginPage(
                                Samples.linearRegression(),
                                List.of("x < y " + EVIL),
                                EVIL + "\n\n" + EVIL,
                                Samples.datasets(),
                                List.of(),
                                "",
                                "",
                                "",
                                List.of()))
                .thenContains("<div class=\"formula\">x &lt; y " + ESCAPED + "</div>", "<p>" + ESCAPED + "</p>")
                .thenDoesNotContain("<script>alert");
    }

    @Test
    void pluginErrorsAndErrorMessages() {
        PluginCard broken = new PluginCard("", EVIL, "", "", "", false, EVIL);
        whenRendered("dashboard.jte", new DashboardPage(List.of(broken), List.of(Samples.row(1, EVIL, "FAILED"))))
                .thenContains(ESCAPED)
                .thenDoesNotContain("<script>alert");
        whenRendered("error.jte", new ErrorPage(400, EVIL))
                .thenContains(ESCAPED)
                .thenDoesNotContain("<script>alert");
    }
}
