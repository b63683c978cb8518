package dev.lectern.server.plugin;

import dev.lectern.plugin.api.LecturePlugin;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order the course teaches its models in: by the lecture number each plugin declares (plugin API 1.4), or else
 * the first number of its topic ("Lecture 11 — ..."), then by title. Plugins with no number come after, and plugins
 * that failed to load last, by id.
 */
public final class LectureOrder {

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    /** Compares plugin statuses for the dashboard. */
    public static final Comparator<PluginStatus> STATUSES = Comparator.comparing(
                    (PluginStatus s) -> s.plugin().map(LectureOrder::number).orElse(Integer.MAX_VALUE))
            .thenComparing(s -> s.plugin()
                    .map(p -> p.descriptor().title().toLowerCase(Locale.ROOT))
                    .orElse("\uffff" + s.id()));

    private LectureOrder() {}

    /**
     * Returns the plugin's lecture number, {@code Integer.MAX_VALUE - 1} when neither it nor its topic gives one.
     *
     * @param plugin a loaded plugin
     * @return the lecture number to sort by
     */
    public static int number(LecturePlugin plugin) {
        int declared;
        try {
            declared = plugin.lectureNumber();
        } catch (RuntimeException | LinkageError e) {
            declared = 0; // a plugin's own method that throws must not take the dashboard down
        }
        if (declared > 0) {
            return declared;
        }
        Matcher m = NUMBER.matcher(plugin.descriptor().topic());
        if (m.find()) {
            try {
                return Integer.parseInt(m.group());
            } catch (NumberFormatException tooLong) {
                return Integer.MAX_VALUE - 1;
            }
        }
        return Integer.MAX_VALUE - 1;
    }
}
