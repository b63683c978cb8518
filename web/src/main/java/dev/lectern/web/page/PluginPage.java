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
 */
public record PluginPage(PluginCard plugin, List<String> formulas, String guide, List<DatasetOption> datasets, List<FormField> fields,
        String datasetError, String formError, String experimentName, List<ExperimentRow> recent) {

    /** Returns the guide's paragraphs. */
    public List<String> guideParagraphs() {
        return guide == null || guide.isBlank() ? List.of()
                : Arrays.stream(guide.strip().split("\\n\\s*\\n")).map(String::strip).toList();
    }

    /** Returns the selected data set, else the first one, else {@code null} when there are none. */
    public DatasetOption selectedDataset() {
        return datasets.stream().filter(DatasetOption::selected).findFirst().orElse(datasets.isEmpty() ? null : datasets.get(0));
    }
}
