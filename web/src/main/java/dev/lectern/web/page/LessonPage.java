package dev.lectern.web.page;

import java.util.List;

/**
 * A lesson as a student sees it at its short link: the instructions, the question, and only the controls the
 * teacher left open.
 *
 * @param code the lesson's code
 * @param title its title
 * @param instructionsHtml its instructions, rendered from Markdown
 * @param pluginTitle the lecture it runs
 * @param datasetTitle the data set it runs on
 * @param open whether runs are taken now
 * @param question the question, or empty
 * @param questionKind choice or number
 * @param choices the choices of a multiple-choice question
 * @param answer the answer given, shown again after a refusal
 * @param fields the editable parameters
 * @param error why the last try was refused, or empty
 * @param myRuns the person's own runs of it, with their answers
 */
public record LessonPage(
        String code,
        String title,
        String instructionsHtml,
        String pluginTitle,
        String datasetTitle,
        boolean open,
        String question,
        String questionKind,
        List<String> choices,
        String answer,
        List<FormField> fields,
        String error,
        List<LessonRunRow> myRuns) {

    /**
     * One run of the lesson.
     *
     * @param id the run
     * @param student who ran it
     * @param answer their answer
     * @param status its status
     * @param result its final loss or main metric, formatted
     */
    public record LessonRunRow(long id, String student, String answer, String status, String result) {}
}
