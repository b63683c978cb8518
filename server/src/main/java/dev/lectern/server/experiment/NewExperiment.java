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
 */
public record NewExperiment(String plugin, String dataset, Map<String, Object> params, String name, String device,
        Long sweepId, String owner) {

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
     * The same request, made by an account.
     *
     * @param account the account, or null without accounts
     * @return the request with its owner
     */
    public NewExperiment ownedBy(String account) {
        return new NewExperiment(plugin, dataset, params, name, device, sweepId, account);
    }
}
