package dev.lectern.web;

import static dev.lectern.web.Rendered.whenRendered;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PluginPageTemplateTest {

    @Test
    void rendersTheLessonAndARunFormPostingToThePlugin() {
        whenRendered("plugins/show.jte", Samples.pluginPage(List.of(Samples.epochs()), "", "", ""))
                .thenContains(
                        "<h1>Linear regression</h1>",
                        "<div class=\"formula\">H(x) = Wx + b</div>",
                        "<form method=\"post\" action=\"/plugins/linear-regression/experiments\" id=\"run-form\">",
                        "<input type=\"text\" name=\"name\" id=\"name\" value=\"\"",
                        "<button type=\"submit\" id=\"run\" class=\"primary\">Run</button>",
                        "<script src=\"/js/plugin.js\" defer></script>",
                        "<a href=\"/experiments/7\">first try</a>")
                .thenDoesNotContain("id=\"form-error\"", "class=\"field-error\"");
    }

    @Test
    void numberFieldsCarryTheirValueBoundsAndHelp() {
        Rendered page = whenRendered(
                "plugins/show.jte",
                Samples.pluginPage(List.of(Samples.learningRate("0.01", ""), Samples.epochs()), "", "", ""));

        String learningRate = page.tagWith("name=\"learningRate\"");
        assertThat(learningRate)
                .startsWith("<input type=\"number\" step=\"any\"")
                .contains("id=\"learningRate\"", "value=\"0.01\"", "min=\"0\"", "max=\"10\"")
                .doesNotContain("aria-invalid", "invalid");
        assertThat(page.tagWith("name=\"epochs\"")).contains("min=\"1\"").doesNotContain("max=");
        page.thenContains(
                "<label for=\"learningRate\">Learning rate</label>",
                "<p class=\"help\" id=\"help-learningRate\">Step size of gradient descent</p>");
    }

    @Test
    void choiceAndBooleanFieldsAreSelectsWithTheValueSelected() {
        Rendered page = whenRendered(
                "plugins/show.jte", Samples.pluginPage(List.of(Samples.optimizer(), Samples.normalize()), "", "", ""));

        assertThat(page.tagWith("name=\"optimizer\"")).startsWith("<select");
        page.thenContains(
                "<option value=\"sgd\">sgd</option>",
                "<option value=\"adam\" selected>adam</option>",
                "<option value=\"true\">true</option>",
                "<option value=\"false\" selected>false</option>");
    }

    @Test
    void aFieldErrorIsRenderedRightBelowItsInput() {
        Rendered page = whenRendered(
                "plugins/show.jte",
                Samples.pluginPage(
                        List.of(Samples.learningRate("-1", "must be at least 0"), Samples.epochs()), "", "", ""));

        String input = page.tagWith("name=\"learningRate\"");
        assertThat(input)
                .contains(
                        "aria-invalid=\"true\"",
                        "class=\"invalid\"",
                        "value=\"-1\"",
                        "aria-describedby=\"error-learningRate help-learningRate\"");
        int inputAt = page.indexOf(input);
        int errorAt = page.indexOf("<p class=\"field-error\" id=\"error-learningRate\">must be at least 0</p>");
        int nextFieldAt = page.indexOf("name=\"epochs\"");
        assertThat(errorAt).isGreaterThan(inputAt).isLessThan(nextFieldAt);
        assertThat(page.tagWith("name=\"epochs\"")).doesNotContain("aria-invalid");
    }

    @Test
    void dataSetSelectMarksTheChoiceShowsItsDescriptionAndItsError() {
        Rendered page =
                whenRendered("plugins/show.jte", Samples.pluginPage(List.of(), "unknown data set 'nope'", "", ""));

        assertThat(page.tagWith("id=\"dataset\""))
                .contains("name=\"dataset\"", "aria-invalid=\"true\"", "data-reload=\"/plugins/linear-regression\"");
        page.thenContains(
                        "<option value=\"ex1data1\" selected>Food truck profits</option>",
                        "<option value=\"linear-synthetic\">Synthetic line</option>",
                        "Population of a city against profit (97 rows).")
                .thenContainsInOrder(
                        "id=\"dataset\"", "<p class=\"field-error\" id=\"error-dataset\">unknown data set 'nope'</p>");
    }

    @Test
    void aFormErrorIsShownInItsBox() {
        whenRendered(
                        "plugins/show.jte",
                        Samples.pluginPage(List.of(Samples.epochs()), "", "The queue is full", "my run"))
                .thenContains(
                        "<div class=\"form-error\" id=\"form-error\" role=\"alert\">The queue is full</div>",
                        "value=\"my run\"")
                .thenContainsInOrder("name=\"epochs\"", "id=\"form-error\"", "id=\"run\"");
    }

    @Test
    void formulasCarryTheirTexSourceForKatexWhichIsServedLocally() {
        whenRendered("plugins/show.jte", Samples.pluginPage(List.of(), "", "", ""))
                .thenContainsInOrder(
                        "<section class=\"section lesson\" id=\"formulas\">",
                        "<div class=\"formula\">H(x) = Wx + b</div>",
                        "<div class=\"formula\">\\mathrm{cost}(W, b) = \\frac{1}{2m} \\sum_{i=1}^{m} "
                                + "\\left( H(x^{(i)}) - y^{(i)} \\right)^2</div>")
                .thenContainsInOrder(
                        "<link rel=\"stylesheet\" href=\"/vendor/katex/katex.min.css\">",
                        "<script src=\"/vendor/katex/katex.min.js\" defer></script>",
                        "<script src=\"/js/math.js\" defer></script>",
                        "</head>")
                .thenDoesNotContain("cdn.", "https://");
    }

    @Test
    void theGuideFollowsTheFormulasOneParagraphEach() {
        whenRendered("plugins/show.jte", Samples.pluginPage(List.of(), "", "", ""))
                .thenContainsInOrder(
                        "id=\"formulas\"",
                        "<section class=\"section lesson guide\" id=\"guide\" aria-labelledby=\"guide-heading\">",
                        "<h2 id=\"guide-heading\">What to look at</h2>",
                        "<p>Watch the cost fall on the loss chart; the dashed line is the best cost any line can reach.</p>",
                        "<p>The cost surface shows why: J(W, b) is a bowl,\nand gradient descent walks downhill from (0, 0).</p>",
                        "id=\"run-section\"");
    }

    @Test
    void thereIsNoGuideSectionWithoutAGuide() {
        for (String guide : new String[] {"", "  \n\n ", null}) {
            whenRendered("plugins/show.jte", Samples.pluginPage(guide, List.of(), "", "", ""))
                    .thenContains("id=\"formulas\"")
                    .thenDoesNotContain("id=\"guide\"", "What to look at");
        }
    }
}
