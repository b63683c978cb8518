package dev.lectern.plugin.api;

/** Version information of the plugin API itself. */
public final class PluginApi {

    /**
     * The semantic version of this API. A plugin compiled against this class carries the value as a
     * compile-time constant in {@link PluginDescriptor#apiVersion()}, so the server can compare it with its
     * own: a different major version is refused with a clear message, and so is a newer minor version, whose
     * additions this server lacks. 1.1 added {@link ParamType#TEXT}, {@link ParamType#IMAGE}, text data sets and
     * views in predictions;
     * 1.2 added {@link MetricsSink#reportEpoch} and {@link MetricsSink#stepsPerEpoch}, so charts can draw by epoch;
     * 1.3 added {@link TrainingControl} (pause, single steps, resume, live values), reached through
     * {@link TrainingContext#control()}, and {@link LecturePlugin#liveParameters()};
     * 1.4 added {@link LecturePlugin#dataRequirements()} with {@link DataRequirements}, {@link DataFacts} (features,
     * rows, label kind) in {@link DatasetInfo#facts()}, {@link LecturePlugin#chartOrder()}, the 2-D classifier view
     * ({@code view.ClassifierView}), the gradient check ({@link LecturePlugin#checksGradients()},
     * {@link TrainedModel#gradientProblem} and the package {@code dev.lectern.plugin.api.gradient}), live lesson
     * pictures ({@link TrainingControl#viewsDue()} and {@link TrainingControl#views}), so a paused or single-stepped
     * run shows its current model, with the {@link dev.lectern.plugin.api.view.Formulas} view,
     * {@link LecturePlugin#resultLabels()} (plain names and units of summary keys),
     * {@link LecturePlugin#lectureNumber()} (the dashboard's lecture order), and {@link LecturePlugin#messages} with
     * {@link PluginTexts}, a plugin's texts in more languages.
     */
    public static final String VERSION = "1.4.0";

    private PluginApi() {}

    /**
     * Returns the major component of a semantic version such as {@code "1.2.3"}.
     *
     * @param version a version string
     * @return the major version, or -1 if the string does not start with a number
     */
    public static int major(String version) {
        if (version == null) {
            return -1;
        }
        int dot = version.indexOf('.');
        String head = dot < 0 ? version : version.substring(0, dot);
        try {
            return Integer.parseInt(head.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Tells why a plugin built for one API version cannot run on this one.
     *
     * @param pluginVersion the version the plugin was built for
     * @return the reason, or {@code null} when it can run
     */
    public static String incompatibility(String pluginVersion) {
        if (major(pluginVersion) != major(VERSION)) {
            return "major versions differ";
        }
        if (minor(pluginVersion) > minor(VERSION)) {
            return "the plugin needs a newer server";
        }
        return null;
    }

    private static int minor(String version) {
        String[] parts = version.split("\\.");
        try {
            return parts.length < 2 ? 0 : Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
