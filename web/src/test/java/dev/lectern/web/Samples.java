package dev.lectern.web;

import dev.lectern.web.page.DatasetOption;
import dev.lectern.web.page.ExperimentPage;
import dev.lectern.web.page.ExperimentRow;
import dev.lectern.web.page.FormField;
import dev.lectern.web.page.KeyValue;
import dev.lectern.web.page.PluginCard;
import dev.lectern.web.page.PluginPage;
import java.util.List;

/** Realistic page records, as the server builds them. */
final class Samples {

    private Samples() {}

    static PluginCard linearRegression() {
        return new PluginCard(
                "linear-regression",
                "Linear regression",
                "Cost function and gradient descent",
                "Fits a line to the data by minimising the mean squared error.",
                "0.1.0",
                true,
                "");
    }

    static PluginCard brokenPlugin() {
        return new PluginCard("", "broken.jar", "", "", "", false, "API version 2 required, this server provides 1");
    }

    static ExperimentRow row(long id, String name, String status) {
        return new ExperimentRow(
                id, name, "Linear regression", "ex1data1", status, "2026-11-23 10:15", "1.2 s", "4.4770");
    }

    static FormField learningRate(String value, String error) {
        return new FormField(
                "learningRate",
                "Learning rate",
                "double",
                value,
                "0",
                "10",
                List.of(),
                "Step size of gradient descent",
                error);
    }

    static FormField epochs() {
        return new FormField("epochs", "Epochs", "int", "1500", "1", "", List.of(), "Full-batch gradient steps", "");
    }

    static FormField optimizer() {
        return new FormField("optimizer", "Optimizer", "choice", "adam", "", "", List.of("sgd", "adam"), "", "");
    }

    static FormField normalize() {
        return new FormField("normalize", "Normalise features", "boolean", "false", "", "", List.of(), "", "");
    }

    static List<DatasetOption> datasets() {
        return List.of(
                new DatasetOption(
                        "ex1data1", "Food truck profits", "Population of a city against profit (97 rows).", true),
                new DatasetOption("linear-synthetic", "Synthetic line", "y = 2x + 1 with Gaussian noise.", false));
    }

    static final String HYPOTHESIS = "H(x) = Wx + b";
    static final String COST =
            "\\mathrm{cost}(W, b) = \\frac{1}{2m} \\sum_{i=1}^{m} \\left( H(x^{(i)}) - y^{(i)} \\right)^2";
    static final String GUIDE = """
            Watch the cost fall on the loss chart; the dashed line is the best cost any line can reach.

            The cost surface shows why: J(W, b) is a bowl,
            and gradient descent walks downhill from (0, 0).
            """;

    static PluginPage pluginPage(List<FormField> fields, String datasetError, String formError, String name) {
        return pluginPage(GUIDE, fields, datasetError, formError, name);
    }

    static PluginPage pluginPage(
            String guide, List<FormField> fields, String datasetError, String formError, String name) {
        return new PluginPage(
                linearRegression(),
                List.of(HYPOTHESIS, COST),
                guide,
                datasets(),
                fields,
                datasetError,
                formError,
                name,
                List.of(row(7, "first try", "SUCCEEDED")));
    }

    static FormField population(String value, String error) {
        return new FormField(
                "population",
                "Population (10,000s)",
                "double",
                value,
                "",
                "",
                List.of(),
                "City population in units of 10,000",
                error);
    }

    static ExperimentPage experiment(String status, boolean active, String error) {
        return predicting(status, active, error, List.of(), "", "");
    }

    /** A finished run whose model answers the predict form. */
    static ExperimentPage predicting(List<FormField> predictFields, String prediction, String predictError) {
        return predicting("SUCCEEDED", false, "", predictFields, prediction, predictError);
    }

    private static ExperimentPage predicting(
            String status,
            boolean active,
            String error,
            List<FormField> predictFields,
            String prediction,
            String predictError) {
        return new ExperimentPage(
                42,
                "lr 0.01",
                "linear-regression",
                "Linear regression",
                "ex1data1",
                status,
                error,
                "",
                10,
                1500,
                active,
                List.of(new KeyValue("learningRate", "0.01"), new KeyValue("epochs", "1500")),
                active ? List.of() : List.of(new KeyValue("W", "1.16636"), new KeyValue("b", "-3.63029")),
                List.of(
                        new KeyValue("created", "2026-11-23 10:15:02"),
                        new KeyValue("device", "cpu"),
                        new KeyValue("seed", "42")),
                predictFields,
                prediction,
                predictError,
                java.util.List.of("demo"),
                "**bold** <script>alert(1)</script>",
                "<p><strong>bold</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>",
                0L,
                false);
    }
}
