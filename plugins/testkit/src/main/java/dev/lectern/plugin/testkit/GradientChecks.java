package dev.lectern.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.api.gradient.GradientCheck;
import dev.lectern.plugin.api.gradient.GradientCheckReport;
import dev.lectern.plugin.api.gradient.GradientProblem;
import java.nio.file.Path;

/** The contract's gradient check (API 1.4): backpropagation against central differences, trained and reloaded. */
final class GradientChecks {

    private GradientChecks() {}

    /**
     * Checks a trained model, then the same model saved and loaded back (the workbench checks a loaded one), and
     * fails with the rows that disagree.
     *
     * @param plugin the plugin, for loading
     * @param trained the trained model; closed here
     * @param data the data it trained on
     * @param dir an empty directory to save it to
     * @return the loaded model's report
     */
    static GradientCheckReport trainedAndLoadedAgree(
            LecturePlugin plugin, TrainedModel trained, TrainingData data, Path dir) throws Exception {
        GradientCheckReport first;
        try (trained) {
            first = agrees(
                    trained, data, "the trained model of " + plugin.descriptor().id());
            trained.save(dir);
        }
        try (TrainedModel loaded = plugin.load(dir, Device.cpu())) {
            GradientCheckReport again = agrees(
                    loaded,
                    data,
                    "the saved and loaded model of " + plugin.descriptor().id());
            assertThat(again.rows())
                    .as("a loaded model checks the same entries with the same gradients as the trained one")
                    .hasSameSizeAs(first.rows());
            return again;
        }
    }

    /**
     * Runs the check with the default options and asserts it passes.
     *
     * @param model the model
     * @param data the data it trained on
     * @param which names the model in the message
     * @return the report
     */
    static GradientCheckReport agrees(TrainedModel model, TrainingData data, String which) {
        GradientProblem problem = model.gradientProblem(data, GradientCheck.Options.DEFAULT)
                .orElseThrow(() -> new AssertionError(which + " offers no gradientProblem although the plugin "
                        + "declares checksGradients(); return the model's parameters and loss from "
                        + "TrainedModel.gradientProblem"));
        GradientCheckReport report = GradientCheck.run(problem, GradientCheck.Options.DEFAULT);
        // Printed so a build log shows how close each plugin's gradient is, not only that it passed.
        System.out.println(which + ": " + report.describe());
        assertThat(report.passed()).as("%s: %s", which, report.describe()).isTrue();
        return report;
    }
}
