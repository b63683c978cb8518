package dev.lectern.server.experiment;

import java.util.Map;

/**
 * A request to start an experiment, as submitted by a form or the JSON API.
 *
 * @param plugin the plugin id
 * @param dataset the data set id
 * @param params submitted hyperparameters (strings from forms, JSON values from the API)
 * @param name an optional name
 * @param device an optional device choice
 * @param sweepId the sweep it belongs to, or null
 * @param owner the account that asks for it, or null without accounts
 * @param seed the run's seed, or null to take the {@code seed} parameter or draw one
 * @param parentId the run this one is branched from, or null
 */
public record NewExperiment(
        String plugin,
        String dataset,
        Map<String, Object> params,
        String name,
        String device,
        Long sweepId,
        String owner,
        Long seed,
        Long parentId) {

    /** Replaces a missing map with an empty one. */
    public NewExperiment {
        params = params == null ? Map.of() : params;
    }

    /**
     * A run of its own, not of a sweep.
     *
     * @param plugin the plugin id
     * @param dataset the data set id
     * @param params submitted hyperparameters
     * @param name a name, or null
     * @param device a device, or null
     */
    public NewExperiment(String plugin, String dataset, Map<String, Object> params, String name, String device) {
        this(plugin, dataset, params, name, device, null, null);
    }

    /**
     * A run, perhaps of a sweep, with a seed of its own.
     *
     * @param plugin the plugin id
     * @param dataset the data set id
     * @param params submitted hyperparameters
     * @param name a name, or null
     * @param device a device, or null
     * @param sweepId the sweep it belongs to, or null
     * @param owner the account, or null
     */
    public NewExperiment(
            String plugin,
            String dataset,
            Map<String, Object> params,
            String name,
            String device,
            Long sweepId,
            String owner) {
        this(plugin, dataset, params, name, device, sweepId, owner, null, null);
    }

    /**
     * The same request, made by an account.
     *
     * @param account the account, or null without accounts
     * @return the request with its owner
     */
    public NewExperiment ownedBy(String account) {
        return new NewExperiment(plugin, dataset, params, name, device, sweepId, account, seed, parentId);
    }
}
