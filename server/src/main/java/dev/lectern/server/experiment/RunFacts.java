package dev.lectern.server.experiment;

import java.time.Instant;
import java.util.List;

/**
 * What the comparison and the JSON export say of every run before its own parts, in this order.
 *
 * @param id the run
 * @param name its name
 * @param plugin its plugin's id
 * @param dataset its data set's id
 * @param status its status
 * @param tags its tags
 * @param notes its notes (Markdown)
 * @param createdAt when it was created
 * @param startedAt when it started, or null
 * @param finishedAt when it ended, or null
 * @param stepsPerEpoch the optimizer steps of one epoch, when the plugin declared it, or null
 */
public record RunFacts(
        long id,
        String name,
        String plugin,
        String dataset,
        String status,
        List<String> tags,
        String notes,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Long stepsPerEpoch) {

    /**
     * Reads the facts of a run.
     *
     * @param e the run
     * @return its facts
     */
    public static RunFacts of(Experiment e) {
        return new RunFacts(
                e.id(),
                e.name(),
                e.pluginId(),
                e.datasetId(),
                e.status().name(),
                e.tags(),
                e.notes(),
                e.createdAt(),
                e.startedAt().orElse(null),
                e.finishedAt().orElse(null),
                e.stepsPerEpoch().orElse(null));
    }
}
