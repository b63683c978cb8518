package dev.lectern.server.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run as the JSON API answers it ({@code GET /api/experiments/{id}}, creation, cancel, each item of the list).
 *
 * @param id the run
 * @param name its name
 * @param plugin its plugin's id
 * @param pluginVersion the plugin's version when it was created
 * @param dataset its data set's id
 * @param status its status
 * @param paused whether it is paused now, a state of RUNNING (pause, single steps, resume: {@code POST .../control})
 * @param error why it failed, or null
 * @param device the device it trains on
 * @param seed its random seed
 * @param params its hyperparameters
 * @param summary its final numbers, or null
 * @param progress steps done of all
 * @param createdAt when it was created
 * @param startedAt when it started, or null
 * @param finishedAt when it ended, or null
 * @param tags its tags
 * @param notes its notes (Markdown)
 * @param owner the account that created it, or null without accounts
 * @param worker the node that took it (its {@code --name}), null until one does
 * @param parent the run it was branched from, only for a branched run
 * @param waiting why no node can take it while it is queued (no worker with its plugin, or with a GPU); only in
 *     the answer about one run, and only when there is such a reason
 * @param events what a person did to it while it trained (pause, step, resume, set), each at its step; only in the
 *     answer about one run and to a control request
 * @param views its charts as data; only in the answer about one run
 */
public record ExperimentView(
        long id,
        String name,
        String plugin,
        String pluginVersion,
        String dataset,
        String status,
        boolean paused,
        String error,
        String device,
        long seed,
        Map<String, Object> params,
        Map<String, Object> summary,
        Progress progress,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        List<String> tags,
        String notes,
        String owner,
        String worker,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long parent,
        @JsonInclude(JsonInclude.Include.NON_NULL) String waiting,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<RunEvent> events,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode views) {

    /**
     * How far a run has come.
     *
     * @param done steps done
     * @param total steps in all
     */
    public record Progress(long done, long total) {}
}
