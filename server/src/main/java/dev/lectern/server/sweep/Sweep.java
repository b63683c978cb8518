package dev.lectern.server.sweep;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored sweep.
 *
 * @param id the id
 * @param name the name
 * @param pluginId the plugin
 * @param datasetId the data set
 * @param grid each swept hyperparameter with its values, in the order given
 * @param createdAt when it was created
 * @param owner the account that created it, or null without accounts
 */
public record Sweep(
        long id,
        String name,
        String pluginId,
        String datasetId,
        Map<String, List<Object>> grid,
        Instant createdAt,
        String owner) {}
