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
 */
public record NewExperiment(String plugin, String dataset, Map<String, Object> params, String name, String device) {

    /** Replaces a missing map with an empty one. */
    public NewExperiment {
        params = params == null ? Map.of() : params;
    }
}
