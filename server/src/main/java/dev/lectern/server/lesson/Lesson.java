package dev.lectern.server.lesson;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A plugin page a teacher narrowed for a class.
 *
 * @param id the lesson
 * @param code its short link's code ({@code /l/{code}})
 * @param title its title
 * @param instructions what to do (Markdown)
 * @param plugin the plugin
 * @param dataset the data set
 * @param fixed parameters set by the teacher and hidden from students
 * @param editable parameters students may change, with their narrowed ranges
 * @param question asked before running, or null
 * @param open whether students may run it now
 * @param owner the teacher who made it, or null without accounts
 * @param createdAt when it was made
 */
public record Lesson(
        long id,
        String code,
        String title,
        String instructions,
        String plugin,
        String dataset,
        Map<String, Object> fixed,
        Map<String, Range> editable,
        Question question,
        boolean open,
        String owner,
        Instant createdAt) {

    /**
     * A narrowed range of a parameter students may change; null bounds keep the plugin's.
     *
     * @param min the least value, or null
     * @param max the largest value, or null
     */
    public record Range(Double min, Double max) {}

    /**
     * A question answered before running.
     *
     * @param text the question
     * @param kind {@code choice} or {@code number}
     * @param choices the answers to choose from, for {@code choice}
     */
    public record Question(String text, String kind, List<String> choices) {}
}
