package dev.lectern.plugin.api;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identity and lecture metadata of a plugin.
 *
 * @param id stable lower-case identifier, such as {@code linear-regression}
 * @param title human title, such as "Linear regression"
 * @param topic the lecture the model belongs to, such as "Lecture 2: cost function and gradient descent"
 * @param summary one sentence that says what the student learns
 * @param version the plugin's own version
 * @param apiVersion the plugin API version the plugin was compiled against; pass {@link PluginApi#VERSION}
 * @param formulas the lecture's formulas, one per entry, in TeX math notation (rendered with KaTeX on the plugin page,
 *     shown as text where scripts are off), such as {@code H(x) = Wx + b}
 */
public record PluginDescriptor(
        String id,
        String title,
        String topic,
        String summary,
        String version,
        String apiVersion,
        List<String> formulas) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /**
     * Creates the record and checks its fields.
     *
     * @param id stable lower-case identifier, such as {@code linear-regression}
     * @param title human title, such as "Linear regression"
     * @param topic the lecture the model belongs to, such as "Lecture 2: cost function and gradient descent"
     * @param summary one sentence that says what the student learns
     * @param version the plugin's own version
     * @param apiVersion the plugin API version the plugin was compiled against; pass {@link PluginApi#VERSION}
     * @param formulas the lecture's formulas, one per entry, in TeX math notation (rendered with KaTeX on the plugin page, shown as text where scripts are off), such as {@code H(x) = Wx + b}
     */
    public PluginDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("plugin id '" + id + "' must be lower-case words joined by '-'");
        }
        requireText(title, "title");
        requireText(topic, "topic");
        requireText(summary, "summary");
        requireText(version, "version");
        requireText(apiVersion, "apiVersion");
        formulas = List.copyOf(formulas == null ? List.of() : formulas);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("plugin descriptor field '" + name + "' must not be blank");
        }
    }
}
