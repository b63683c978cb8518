package dev.lectern.server.lesson;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.lectern.server.Json;
import dev.lectern.server.store.Jdbc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rows of {@code lessons} and {@code lesson_runs}. */
public final class LessonRepository {

    private static final String COLUMNS =
            "id, code, title, instructions, plugin_id, dataset_id, fixed_json, editable_json, "
                    + "question_json, is_open, owner, created_at";

    /**
     * A student's run of a lesson.
     *
     * @param experimentId the run
     * @param student who ran it, or null without accounts
     * @param answer their answer to the lesson's question, or null
     */
    public record LessonRun(long experimentId, String student, String answer) {}

    private final Jdbc jdbc;
    private final Json json;

    /**
     * Creates the repository.
     *
     * @param jdbc the database
     * @param json reads and writes the JSON columns
     */
    public LessonRepository(Jdbc jdbc, Json json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(
            String code,
            String title,
            String instructions,
            String plugin,
            String dataset,
            Map<String, Object> fixed,
            Map<String, Lesson.Range> editable,
            Lesson.Question question,
            String owner) {
        return jdbc.insert(
                "INSERT INTO lessons (code, title, instructions, plugin_id, dataset_id, fixed_json, editable_json, "
                        + "question_json, is_open, owner, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?)",
                code,
                title,
                instructions,
                plugin,
                dataset,
                json.write(fixed),
                json.write(editable),
                question == null ? null : json.write(question),
                owner,
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    Optional<Lesson> find(long id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM lessons WHERE id = ?", this::map, id);
    }

    Optional<Lesson> byCode(String code) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM lessons WHERE code = ?", this::map, code);
    }

    List<Lesson> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM lessons ORDER BY id DESC", this::map);
    }

    boolean codeTaken(String code) {
        return jdbc.queryOne("SELECT 1 FROM lessons WHERE code = ?", rs -> true, code)
                .isPresent();
    }

    void setOpen(long id, boolean open) {
        jdbc.update("UPDATE lessons SET is_open = ? WHERE id = ?", open, id);
    }

    void addRun(long lessonId, long experimentId, String student, String answer) {
        jdbc.update(
                "INSERT INTO lesson_runs (lesson_id, experiment_id, student, answer, created_at) VALUES (?, ?, ?, ?, ?)",
                lessonId,
                experimentId,
                student,
                answer,
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    List<LessonRun> runs(long lessonId) {
        return jdbc.query(
                "SELECT experiment_id, student, answer FROM lesson_runs WHERE lesson_id = ? ORDER BY created_at, "
                        + "experiment_id",
                rs -> new LessonRun(rs.getLong(1), rs.getString(2), rs.getString(3)),
                lessonId);
    }

    /** The lesson a run was made for, if any. */
    Optional<Long> lessonOf(long experimentId) {
        return jdbc.queryOne(
                "SELECT lesson_id FROM lesson_runs WHERE experiment_id = ?", rs -> rs.getLong(1), experimentId);
    }

    Optional<LessonRun> runOf(long experimentId) {
        return jdbc.queryOne(
                "SELECT experiment_id, student, answer FROM lesson_runs WHERE experiment_id = ?",
                rs -> new LessonRun(rs.getLong(1), rs.getString(2), rs.getString(3)),
                experimentId);
    }

    private Lesson map(ResultSet rs) throws SQLException {
        try {
            Map<String, Object> fixed = json.mapper()
                    .readValue(rs.getString("fixed_json"), new TypeReference<LinkedHashMap<String, Object>>() {});
            Map<String, Lesson.Range> editable = json.mapper()
                    .readValue(
                            rs.getString("editable_json"), new TypeReference<LinkedHashMap<String, Lesson.Range>>() {});
            String question = rs.getString("question_json");
            return new Lesson(
                    rs.getLong("id"),
                    rs.getString("code"),
                    rs.getString("title"),
                    rs.getString("instructions"),
                    rs.getString("plugin_id"),
                    rs.getString("dataset_id"),
                    fixed,
                    editable,
                    question == null ? null : json.mapper().readValue(question, Lesson.Question.class),
                    rs.getBoolean("is_open"),
                    rs.getString("owner"),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException("lesson " + rs.getLong("id") + " has unreadable JSON", e);
        }
    }
}
