package dev.lectern.server.lesson;

import java.time.Instant;
import java.util.Map;

/**
 * A lesson as the JSON API answers it.
 *
 * @param id the lesson
 * @param code its short code
 * @param link its short link, {@code /l/{code}}
 * @param title its title
 * @param instructions its instructions (Markdown)
 * @param plugin its plugin
 * @param dataset its data set
 * @param params its fixed parameters
 * @param editable what students may change, with narrowed ranges
 * @param question its question, or null
 * @param open whether it takes runs
 * @param owner the teacher who made it
 * @param createdAt when it was made
 */
public record LessonView(
        long id,
        String code,
        String link,
        String title,
        String instructions,
        String plugin,
        String dataset,
        Map<String, Object> params,
        Map<String, Lesson.Range> editable,
        Lesson.Question question,
        boolean open,
        String owner,
        Instant createdAt) {

    static LessonView of(Lesson l) {
        return new LessonView(
                l.id(),
                l.code(),
                "/l/" + l.code(),
                l.title(),
                l.instructions(),
                l.plugin(),
                l.dataset(),
                l.fixed(),
                l.editable(),
                l.question(),
                l.open(),
                l.owner(),
                l.createdAt());
    }
}
