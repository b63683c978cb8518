package dev.lectern.server.lesson;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/lessons/{id}/class}: every student's run of a lesson, live.
 *
 * @param lesson the lesson
 * @param runs each run with its student, answer, status and loss curve
 * @param tally for each answer, how the runs of those who gave it ended
 */
public record ClassView(LessonView lesson, List<Run> runs, List<Tally> tally) {

    /**
     * One student's run.
     *
     * @param experimentId the run
     * @param student who ran it
     * @param answer their answer
     * @param status its status
     * @param error why it failed, or null
     * @param lastLoss its last loss, or null
     * @param curve its loss curve, downsampled ([step, loss] points)
     */
    public record Run(
            long experimentId,
            String student,
            String answer,
            String status,
            String error,
            Double lastLoss,
            List<double[]> curve) {}

    /**
     * The runs of those who gave one answer, by how they ended.
     *
     * @param answer the answer
     * @param outcomes status to count
     */
    public record Tally(String answer, Map<String, Integer> outcomes) {}
}
