package dev.lectern.server.experiment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One stored experiment row.
 *
 * @param id the id
 * @param name the name
 * @param pluginId the plugin id
 * @param pluginVersion the plugin version that ran it
 * @param datasetId the data set id
 * @param paramsJson the checked hyperparameters as a JSON object
 * @param device the device it runs on
 * @param seed the random seed
 * @param status the status
 * @param error the failure reason, if any
 * @param progressDone steps done
 * @param progressTotal steps in the run, 0 when unknown
 * @param summaryJson the final numbers as a JSON object, if finished
 * @param createdAt when it was created
 * @param startedAt when a worker took it
 * @param finishedAt when it ended
 * @param tags the tags people gave it, lower case, in the order given
 * @param notes notes in Markdown, empty when none
 * @param stepsPerEpoch how many optimizer steps make one epoch, when the plugin declared it (plugin API 1.2)
 * @param owner the account that created it, empty for runs made without accounts
 * @param worker the name of the node that took it, empty until one does (issue #14)
 * @param parent the run it was branched from (same initial weights, one change), empty for a run of its own
 */
public record Experiment(
        long id,
        String name,
        String pluginId,
        String pluginVersion,
        String datasetId,
        String paramsJson,
        String device,
        long seed,
        ExperimentStatus status,
        Optional<String> error,
        long progressDone,
        long progressTotal,
        Optional<String> summaryJson,
        Instant createdAt,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt,
        List<String> tags,
        String notes,
        Optional<Long> stepsPerEpoch,
        Optional<String> owner,
        Optional<String> worker,
        Optional<Long> parent) {

    /** Copies the tags. */
    public Experiment {
        tags = List.copyOf(tags);
        notes = notes == null ? "" : notes;
    }

    /** Returns how long it ran, or has been running. */
    public Optional<Duration> duration() {
        return startedAt.map(start -> Duration.between(start, finishedAt.orElse(Instant.now())));
    }
}
