package dev.lectern.web.page;

/**
 * An experiment as one line of a list.
 *
 * @param id the id
 * @param name the name
 * @param plugin the plugin title
 * @param dataset the data set id
 * @param status the status name, such as {@code RUNNING}
 * @param created when it was created, formatted
 * @param duration how long it ran, formatted, empty if it has not run
 * @param finalLoss the last loss, formatted, empty if none
 */
public record ExperimentRow(
        long id,
        String name,
        String plugin,
        String dataset,
        String status,
        String created,
        String duration,
        String finalLoss) {}
