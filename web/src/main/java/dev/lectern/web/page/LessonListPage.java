package dev.lectern.web.page;

import java.util.List;

/**
 * The teacher's lessons: each with its link, state and runs, and the ready lessons to import.
 *
 * @param lessons the lessons
 * @param samples the ready lessons: name and title
 * @param plugins the lectures a new lesson can be made of: id and title
 * @param error why the last request was refused, or empty
 */
public record LessonListPage(List<LessonRow> lessons, List<KeyValue> samples, List<KeyValue> plugins, String error) {

    /**
     * One lesson.
     *
     * @param id the lesson
     * @param code its short link's code
     * @param title its title
     * @param plugin its lecture
     * @param open whether it takes runs
     * @param runs how many runs it has
     */
    public record LessonRow(long id, String code, String title, String plugin, boolean open, int runs) {}
}
