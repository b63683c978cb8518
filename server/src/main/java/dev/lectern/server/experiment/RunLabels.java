package dev.lectern.server.experiment;

import dev.lectern.plugin.api.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rules for the tags and notes people put on runs. */
final class RunLabels {

    static final int MAX_TAGS = 20;
    static final int MAX_NOTES = 20_000;
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9 ._-]{0,39}");

    private RunLabels() {}

    /**
     * Reads tags separated by commas: lower case, letters, digits, spaces, dots, dashes and underscores, up to 40
     * characters each; repeats are dropped.
     */
    static List<String> parseTags(String text) {
        List<String> tags = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return tags;
        }
        for (String raw : text.split(",")) {
            String tag = raw.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (tag.isEmpty() || tags.contains(tag)) {
                continue;
            }
            if (!TAG.matcher(tag).matches()) {
                throw new InvalidParameterException(
                        "tags",
                        "tag '" + (tag.length() > 40 ? tag.substring(0, 40) + "…" : tag)
                                + "' must start with a letter or digit and hold at most 40 letters, digits, spaces, dots, dashes "
                                + "or underscores");
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidParameterException("tags", "at most " + MAX_TAGS + " tags, got " + tags.size());
        }
        return tags;
    }
}
