package dev.lectern.web.page;

import java.util.List;

/**
 * The teacher's form that turns a plugin page into a lesson.
 *
 * @param plugin the plugin's id
 * @param pluginTitle its title
 * @param datasets the data sets it trains on, the chosen one marked
 * @param params one row per hyperparameter: its value, and whether it is fixed, left to students or left at default
 * @param title the title typed
 * @param error why the last try was refused, or empty
 */
public record LessonFormPage(
        String plugin,
        String pluginTitle,
        List<DatasetOption> datasets,
        List<ParamRow> params,
        String title,
        String error) {

    /**
     * One hyperparameter of the form.
     *
     * @param field the field as the run form shows it (value, range, choices, help)
     * @param mode fixed, students or default
     * @param numeric whether it takes a narrowed range
     */
    public record ParamRow(FormField field, String mode, boolean numeric) {}
}
