package dev.lectern.web.page;

import java.util.Arrays;
import java.util.List;

/**
 * A plugin's page: the lesson, the run form and its recent experiments.
 *
 * @param plugin the plugin
 * @param formulas the lecture formulas, in TeX notation
 * @param guide what to look at while the model trains; paragraphs separated by blank lines, empty when none
 * @param datasets the data sets the plugin accepts
 * @param fields the hyperparameter fields, with values and errors
 * @param datasetError the error of the data set choice, empty when none
 * @param formError an error that belongs to no single field, empty when none
 * @param experimentName the name typed into the form, empty when none
 * @param recent this plugin's newest experiments
 * @param teacher whether the viewer may make a lesson of it
 */
public record PluginPage(
        PluginCard plugin,
        List<String> formulas,
        String guide,
        List<DatasetOption> datasets,
        List<FormField> fields,
        String datasetError,
        String formError,
        String experimentName,
        List<ExperimentRow> recent,
        boolean teacher) {

    /**
     * A plugin page for a viewer who may make lessons (accounts off, or a teacher).
     *
     * @param plugin the plugin
     * @param formulas the lecture formulas
     * @param guide what to look at
     * @param datasets the data sets it accepts
     * @param fields the hyperparameter fields
     * @param datasetError the data set choice's error
     * @param formError an error of no single field
     * @param experimentName the name typed
     * @param recent its newest experiments
     */
    public PluginPage(
            PluginCard plugin,
            List<String> formulas,
            String guide,
            List<DatasetOption> datasets,
            List<FormField> fields,
            String datasetError,
            String formError,
            String experimentName,
            List<ExperimentRow> recent) {
        this(plugin, formulas, guide, datasets, fields, datasetError, formError, experimentName, recent, true);
    }

    /** Returns the guide's paragraphs. */
    public List<String> guideParagraphs() {
        return guide == null || guide.isBlank()
                ? List.of()
                : Arrays.stream(guide.strip().split("\\n\\s*\\n"))
                        .map(String::strip)
                        .toList();
    }

    /** Returns the selected data set, else the first one, else {@code null} when there are none. */
    public DatasetOption selectedDataset() {
        return datasets.stream()
                .filter(DatasetOption::selected)
                .findFirst()
                .orElse(datasets.isEmpty() ? null : datasets.get(0));
    }
}
