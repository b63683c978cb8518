package dev.lectern.web.page;

import java.util.List;

/**
 * One experiment: status, progress, results. Charts are drawn in the browser from the JSON API, so the
 * same code shows a finished run and one that is still training.
 *
 * @param id the id
 * @param name the name
 * @param pluginId the plugin id
 * @param pluginTitle the plugin title
 * @param dataset the data set id
 * @param status the status name
 * @param error the failure reason, empty when none
 * @param waiting why no worker can take the run while it is queued, empty when one can
 * @param progressDone steps done
 * @param progressTotal steps in the whole run, 0 when unknown
 * @param active whether the run is queued or running (and so can be cancelled)
 * @param params the hyperparameters
 * @param summary the final numbers
 * @param facts created/started/finished times, device, seed
 * @param predictFields the inputs of the trained model's predict form; empty when it cannot predict
 * @param prediction the answer to a predict form posted without JavaScript, empty when none
 * @param predictError why that input was refused, empty when none
 * @param tags the run's tags
 * @param notes the run's notes as typed (Markdown)
 * @param notesHtml the notes rendered to HTML with every raw HTML tag escaped and unsafe links dropped
 * @param parentId the run this one was branched from, 0 for a run of its own
 * @param checksGradients whether its plugin offers the gradient check (plugin API 1.4)
 */
public record ExperimentPage(
        long id,
        String name,
        String pluginId,
        String pluginTitle,
        String dataset,
        String status,
        String error,
        String waiting,
        long progressDone,
        long progressTotal,
        boolean active,
        List<KeyValue> params,
        List<KeyValue> summary,
        List<KeyValue> facts,
        List<FormField> predictFields,
        String prediction,
        String predictError,
        List<String> tags,
        String notes,
        String notesHtml,
        long parentId,
        boolean checksGradients) {

    /** Whether the "Check gradients" action applies: the plugin offers it and the run has a saved model. */
    public boolean gradientCheckable() {
        return checksGradients && "SUCCEEDED".equals(status);
    }

    /** Whether the run can be run again from its initial weights with a change (it has ended). */
    public boolean branchable() {
        return !active;
    }

    /** Returns the progress in percent, 0 to 100. */
    public int percent() {
        return progressTotal <= 0 ? 0 : (int) Math.min(100, progressDone * 100 / progressTotal);
    }
}
