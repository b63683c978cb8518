package dev.lectern.plugin.api;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * A lecture model that the workbench can train, show and query.
 *
 * <p>Implementations are registered in {@code META-INF/services/dev.lectern.plugin.api.LecturePlugin}
 * and must have a public no-argument constructor. The entry class should stay tiny: metadata,
 * declarations, and delegation to a trainer. Methods added to this interface in later API versions are
 * {@code default} methods returning empty values, so existing plugins keep compiling.
 */
public interface LecturePlugin {

    /**
     * Returns the plugin's identity and lecture metadata.
     *
     * @return the descriptor, never {@code null}
     */
    PluginDescriptor descriptor();

    /**
     * Returns the hyperparameters the plugin accepts, in the order a form should show them.
     *
     * @return the declared hyperparameters
     */
    List<ParamSpec> hyperParameters();

    /**
     * Returns the kinds of data set this plugin can train on.
     *
     * @return the accepted kinds, never empty
     */
    Set<DatasetKind> datasetKinds();

    /**
     * Returns what data the plugin can train on beyond its kinds: the number of features, the label it needs (binary,
     * a number of classes, continuous, none) and the data set its page selects first. The workbench lists only the
     * data sets that fit and refuses a run on one that does not, on the field {@code dataset}, before it is queued.
     * Since API 1.4.
     *
     * @return the requirements; {@link DataRequirements#any()} (the default) accepts every data set of
     *     {@link #datasetKinds()}
     */
    default DataRequirements dataRequirements() {
        return DataRequirements.any();
    }

    /**
     * Returns a short explanation of what to look at while the model trains, shown on the plugin's page. Plain text;
     * blank lines separate paragraphs.
     *
     * @return the guide, empty when the plugin has none
     */
    default String guide() {
        return "";
    }

    /**
     * Returns default values that suit one data set better than the declared defaults, so that a student
     * who picks a lecture data set and presses Run sees the lecture's result.
     *
     * @param dataset the data set the user picked
     * @return parameter name to value; empty when the declared defaults are right
     */
    default Map<String, Object> defaultsFor(DatasetInfo dataset) {
        return Map.of();
    }

    /**
     * Checks values that are valid one by one but not together, or not for this data set.
     *
     * @param values the values, already checked against their {@link ParamSpec}s
     * @param dataset the data set the run will use
     * @throws InvalidParameterException naming the offending field
     */
    default void validate(ParamValues values, DatasetInfo dataset) {}

    /**
     * Returns the hyperparameters the user may change while the run trains, such as {@code learningRate}: names of
     * {@link #hyperParameters()} whose new values the training loop reads through {@link TrainingContext#control()}
     * and applies from its next step on. The workbench accepts a live change only for these, checks the value with
     * the parameter's {@link ParamSpec#parse}, and records each change at the step the loop reports it applied. Since
     * API 1.3.
     *
     * @return the live-changeable parameters' names; empty (the default) when none is
     */
    default Set<String> liveParameters() {
        return Set.of();
    }

    /**
     * Returns the metric charts in the order the experiment and compare pages show them. A chart is named by a metric
     * name, or by the part before the first {@code /} for metrics that share one ({@code accuracy} for
     * {@code accuracy/train} and {@code accuracy/test}). Charts the list does not name follow the named ones:
     * {@code loss} first, then by name. The order is the same whether the page watched the run live or opened it
     * later, whatever order the metrics were first reported in. Since API 1.4.
     *
     * @return chart names, first shown first; empty (the default) for {@code loss} first, then by name
     */
    default List<String> chartOrder() {
        return List.of();
    }

    /**
     * Tells whether this plugin's models take part in the gradient check: backpropagation compared with central
     * finite differences in float64 ({@link dev.lectern.plugin.api.gradient.GradientCheck}). A plugin that says yes
     * answers {@link TrainedModel#gradientProblem} on trained and on loaded models, and the testkit checks that the
     * comparison passes. Since API 1.4.
     *
     * @return whether the gradient check is offered; false (the default) when not
     */
    default boolean checksGradients() {
        return false;
    }

    /**
     * Returns the plain names (and units) of the keys of the summary that {@link TrainedModel#summary()} returns,
     * such as {@code "msPerEpoch"} to "Time per epoch" in "ms", so that result tables show words instead of keys. A key
     * without a label is shown as it is. Since API 1.4.
     *
     * @return summary key to its label; empty (the default) when the keys are shown as they are
     */
    default Map<String, ResultLabel> resultLabels() {
        return Map.of();
    }

    /**
     * Returns the number of the lecture this model belongs to, such as 2 for "Lecture 2: cost function and gradient
     * descent", so that the dashboard lists the models in the order the course teaches them. Models of one lecture
     * are listed by title. Since API 1.4.
     *
     * @return the lecture number, 1 or more; 0 (the default) when the plugin does not say, and the server reads the
     *     first number in the descriptor's topic instead ("Lecture 11 ..."), listing the plugin last when there is none
     */
    default int lectureNumber() {
        return 0;
    }

    /**
     * Returns the plugin's texts in a language, looked up by {@link PluginTexts} under keys such as {@code title},
     * {@code summary}, {@code guide} and {@code param.learningRate.label}. The default loads
     * {@code <the plugin class's package>/messages_<language>.properties} (UTF-8) through the plugin's own class
     * loader, the plain {@code messages.properties} being the fallback for every language; a plugin with no bundle
     * shows its declared (English) texts. Since API 1.4.
     *
     * @param locale the language, such as {@link Locale#KOREAN}
     * @return the bundle, or {@code null} when the plugin has none
     */
    default ResourceBundle messages(Locale locale) {
        return PluginTexts.bundle(getClass(), locale);
    }

    /**
     * Trains a model. Called on a worker thread; report metrics and progress through the context, call
     * {@link TrainingContext#checkCancelled()} at least once per step (and, since API 1.3,
     * {@link TrainingControl#awaitStep} at each step boundary, so the user can pause it), and release every native resource
     * that is not part of the returned model before returning or throwing.
     *
     * @param context the run's device, seed, parameters, data and reporting channels
     * @return the trained model, which the caller saves and closes
     * @throws TrainingCancelledException when the run was cancelled
     * @throws TrainingDivergedException when the loss stopped being finite
     * @throws Exception on any other failure; its message is shown to the user
     */
    TrainedModel train(TrainingContext context) throws Exception;

    /**
     * Loads a model that {@link TrainedModel#save(Path)} wrote, for example after a server restart.
     *
     * @param directory the directory the model was saved to
     * @param device the device to load it on
     * @return the loaded model
     * @throws IOException when the files are missing or unreadable
     */
    TrainedModel load(Path directory, Device device) throws IOException;
}
