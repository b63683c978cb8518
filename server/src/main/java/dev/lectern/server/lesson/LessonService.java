package dev.lectern.server.lesson;

import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.ParamType;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.server.ConflictException;
import dev.lectern.server.ForbiddenException;
import dev.lectern.server.NotFoundException;
import dev.lectern.server.access.Viewer;
import dev.lectern.server.experiment.Experiment;
import dev.lectern.server.experiment.ExperimentService;
import dev.lectern.server.experiment.NewExperiment;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/**
 * Lessons: a teacher narrows a plugin to one data set, fixes some parameters, lets students change others within
 * narrowed ranges, and may ask a question before the run. A student's run goes through the same experiment service
 * (quota, validation, owner) as any other, with the fixed values laid over what they chose.
 */
public final class LessonService {

    private static final String CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int MAX_CHOICES = 8;

    private final LessonRepository lessons;
    private final ExperimentService experiments;
    private final SecureRandom random = new SecureRandom();

    private final Map<Long, Set<LongConsumer>> runListeners = new ConcurrentHashMap<>();

    /**
     * Creates the service.
     *
     * @param lessons the lessons' rows
     * @param experiments creates the students' runs
     */
    public LessonService(LessonRepository lessons, ExperimentService experiments) {
        this.lessons = lessons;
        this.experiments = experiments;
        experiments.guardLiveChanges(this::checkLiveChange);
    }

    /**
     * A live change of a lesson's run keeps to the lesson: only its editable parameters may change, within their
     * narrowed ranges; the teacher's fixed values win while the run trains too.
     */
    private void checkLiveChange(long experimentId, Map<String, Object> values) {
        Optional<Lesson> lesson = lessons.lessonOf(experimentId).flatMap(lessons::find);
        if (lesson.isEmpty()) {
            return;
        }
        List<ParamSpec> specs = experiments.plugin(lesson.get().plugin()).hyperParameters();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String name = e.getKey();
            if (!lesson.get().editable().containsKey(name)) {
                throw new InvalidParameterException(
                        name, name + " is set by the lesson and cannot change while its run trains");
            }
            specs.stream()
                    .filter(s -> s.name().equals(name))
                    .findFirst()
                    .ifPresent(spec ->
                            narrowed(spec, lesson.get().editable().get(name)).parse(e.getValue()));
        }
    }

    /**
     * What a teacher asks for.
     *
     * @param title the title
     * @param instructions what to do (Markdown), or null
     * @param plugin the plugin
     * @param dataset the data set
     * @param params fixed parameters, hidden from students
     * @param editable parameters students may change, with optional narrowed ranges
     * @param question the question, or null
     */
    public record NewLesson(
            String title,
            String instructions,
            String plugin,
            String dataset,
            Map<String, Object> params,
            Map<String, Lesson.Range> editable,
            Lesson.Question question) {}

    /**
     * Checks and stores a lesson.
     *
     * @param request what to make
     * @param viewer who asks: a teacher
     * @return the lesson
     */
    public Lesson create(NewLesson request, Viewer viewer) {
        requireTeacher(viewer);
        String title = request.title() == null ? "" : request.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            throw new InvalidParameterException("title", "a lesson needs a title of 1 to 200 characters");
        }
        String instructions =
                request.instructions() == null ? "" : request.instructions().strip();
        if (instructions.length() > 20_000) {
            throw new InvalidParameterException("instructions", "instructions are at most 20000 characters");
        }
        LecturePlugin plugin = experiments.plugin(request.plugin());
        Map<String, Object> fixed = request.params() == null ? Map.of() : request.params();
        Map<String, Lesson.Range> editable = request.editable() == null ? Map.of() : request.editable();
        Map<String, ParamSpec> declared = new LinkedHashMap<>();
        plugin.hyperParameters().forEach(s -> declared.put(s.name(), s));
        for (Map.Entry<String, Lesson.Range> e : editable.entrySet()) {
            ParamSpec spec = declared.get(e.getKey());
            if (spec == null) {
                throw new InvalidParameterException(
                        "editable", "'" + e.getKey() + "' is not a hyperparameter of " + request.plugin());
            }
            if (fixed.containsKey(e.getKey())) {
                throw new InvalidParameterException(
                        "editable", "'" + e.getKey() + "' cannot be both fixed and editable");
            }
            narrowed(spec, e.getValue());
        }
        // The fixed values must make a valid run on their own, with every editable one at its default.
        experiments.check(new NewExperiment(request.plugin(), request.dataset(), fixed, null, null));
        Lesson.Question question = check(request.question());
        String code = code();
        long id = lessons.insert(
                code,
                title,
                instructions,
                plugin.descriptor().id(),
                request.dataset(),
                fixed,
                editable,
                question,
                viewer.name());
        return lessons.find(id).orElseThrow();
    }

    /** A lesson by its id, for its teacher. */
    public Lesson get(long id, Viewer viewer) {
        requireTeacher(viewer);
        return lessons.find(id).orElseThrow(() -> new NotFoundException("lesson " + id + " does not exist"));
    }

    /** A lesson by its short code, for anyone signed in. */
    public Lesson byCode(String code) {
        return lessons.byCode(code).orElseThrow(() -> new NotFoundException("no lesson has the code '" + code + "'"));
    }

    /** Every lesson, newest first, for a teacher. */
    public List<Lesson> all(Viewer viewer) {
        requireTeacher(viewer);
        return lessons.all();
    }

    /** Opens or closes a lesson for runs. */
    public Lesson setOpen(long id, boolean open, Viewer viewer) {
        get(id, viewer);
        lessons.setOpen(id, open);
        return get(id, viewer);
    }

    /**
     * The controls a student sees: the editable parameters, with their narrowed ranges.
     *
     * @param lesson the lesson
     * @return the narrowed declarations
     */
    public List<ParamSpec> controls(Lesson lesson) {
        LecturePlugin plugin = experiments.plugin(lesson.plugin());
        List<ParamSpec> out = new ArrayList<>();
        for (ParamSpec spec : plugin.hyperParameters()) {
            if (lesson.editable().containsKey(spec.name())) {
                out.add(narrowed(spec, lesson.editable().get(spec.name())));
            }
        }
        return out;
    }

    /**
     * Starts a student's run of a lesson.
     *
     * @param lesson the lesson
     * @param submitted the editable values the student chose (others are ignored)
     * @param answer their answer to the question, or null when there is none
     * @param viewer the student
     * @return the run
     */
    public Experiment run(Lesson lesson, Map<String, Object> submitted, String answer, Viewer viewer) {
        if (!lesson.open()) {
            throw new ConflictException(
                    "the lesson '" + lesson.title() + "' is closed; your teacher opens it for runs");
        }
        String checkedAnswer = answer(lesson.question(), answer);
        Map<String, Object> chosen = new LinkedHashMap<>();
        for (ParamSpec spec : controls(lesson)) {
            Object value = submitted.get(spec.name());
            if (value != null && !(value instanceof String s && s.isBlank())) {
                chosen.put(spec.name(), value);
            }
        }
        // Every control at its shown value (the form always sends them), the teacher's fixed values over them.
        Map<String, Object> params =
                new LinkedHashMap<>(ParamValues.check(controls(lesson), chosen).asMap());
        params.putAll(lesson.fixed());
        String who = viewer.name() == null ? "" : ": " + viewer.name();
        String name = lesson.title().length() > 150 ? lesson.title().substring(0, 150) : lesson.title();
        Experiment run = experiments.create(
                new NewExperiment(lesson.plugin(), lesson.dataset(), params, name + who, null).ownedBy(viewer.name()));
        lessons.addRun(lesson.id(), run.id(), viewer.name(), checkedAnswer);
        runListeners.getOrDefault(lesson.id(), Set.of()).forEach(listener -> listener.accept(run.id()));
        return run;
    }

    /**
     * Tells a listener of each run a student starts in a lesson from now on (a teacher's live class view).
     *
     * @param lessonId the lesson
     * @param listener told each new run's id
     * @return stops telling it
     */
    public Runnable onNewRun(long lessonId, LongConsumer listener) {
        runListeners
                .computeIfAbsent(lessonId, id -> ConcurrentHashMap.newKeySet())
                .add(listener);
        return () -> runListeners.computeIfPresent(lessonId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** The runs of a lesson, oldest first, with their students and answers. */
    public List<LessonRepository.LessonRun> runs(Lesson lesson) {
        return lessons.runs(lesson.id());
    }

    /** A student's own runs of a lesson. */
    public List<LessonRepository.LessonRun> runsOf(Lesson lesson, Viewer viewer) {
        return lessons.runs(lesson.id()).stream()
                .filter(r -> viewer.maySee(r.student()))
                .toList();
    }

    /** The lesson run behind an experiment, if it was one. */
    public Optional<LessonRepository.LessonRun> runOf(long experimentId) {
        return lessons.runOf(experimentId);
    }

    private static ParamSpec narrowed(ParamSpec spec, Lesson.Range range) {
        if (range == null || (range.min() == null && range.max() == null)) {
            return spec;
        }
        if (spec.type() != ParamType.INT && spec.type() != ParamType.DOUBLE) {
            throw new InvalidParameterException(
                    "editable",
                    "only number parameters take a range; '" + spec.name() + "' is "
                            + spec.type().name().toLowerCase(java.util.Locale.ROOT));
        }
        Double min = range.min() == null ? spec.min() : range.min();
        Double max = range.max() == null ? spec.max() : range.max();
        if ((spec.min() != null && min < spec.min()) || (spec.max() != null && max > spec.max()) || min > max) {
            throw new InvalidParameterException(
                    "editable",
                    "the range of " + spec.name() + " must lie within the plugin's (" + spec.min() + " to " + spec.max()
                            + ") and have min <= max");
        }
        Object fallback = spec.defaultValue();
        if (fallback instanceof Number n && (n.doubleValue() < min || n.doubleValue() > max)) {
            fallback = spec.type() == ParamType.INT ? (Object) (int) Math.round(min) : (Object) min;
        }
        return new ParamSpec(spec.name(), spec.label(), spec.type(), fallback, min, max, spec.choices(), spec.help());
    }

    private static Lesson.Question check(Lesson.Question question) {
        if (question == null) {
            return null;
        }
        String text = question.text() == null ? "" : question.text().strip();
        if (text.isEmpty() || text.length() > 500) {
            throw new InvalidParameterException("question", "a question has 1 to 500 characters");
        }
        String kind =
                question.kind() == null ? "choice" : question.kind().strip().toLowerCase(java.util.Locale.ROOT);
        if (kind.equals("number")) {
            return new Lesson.Question(text, kind, List.of());
        }
        if (!kind.equals("choice")) {
            throw new InvalidParameterException(
                    "question", "a question's kind is choice or number, got '" + question.kind() + "'");
        }
        List<String> choices = question.choices() == null
                ? List.of()
                : question.choices().stream()
                        .map(String::strip)
                        .filter(c -> !c.isEmpty())
                        .distinct()
                        .toList();
        if (choices.size() < 2
                || choices.size() > MAX_CHOICES
                || choices.stream().anyMatch(c -> c.length() > 200)) {
            throw new InvalidParameterException(
                    "question",
                    "a multiple-choice question has 2 to " + MAX_CHOICES + " choices of at most 200 characters");
        }
        return new Lesson.Question(text, kind, choices);
    }

    private static String answer(Lesson.Question question, String answer) {
        if (question == null) {
            return null;
        }
        String given = answer == null ? "" : answer.strip();
        if (given.isEmpty()) {
            throw new InvalidParameterException("answer", "answer the question before you run: " + question.text());
        }
        if (question.kind().equals("number")) {
            try {
                double value = Double.parseDouble(given);
                if (!Double.isFinite(value)) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new InvalidParameterException("answer", "the answer is a number, got '" + given + "'");
            }
            return given;
        }
        if (!question.choices().contains(given)) {
            throw new InvalidParameterException("answer", "pick one of " + String.join(", ", question.choices()));
        }
        return given;
    }

    private String code() {
        for (int attempt = 0; attempt < 100; attempt++) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
            }
            if (!lessons.codeTaken(code.toString())) {
                return code.toString();
            }
        }
        throw new IllegalStateException("no free lesson code after 100 tries");
    }

    private static void requireTeacher(Viewer viewer) {
        if (!viewer.isTeacher()) {
            throw new ForbiddenException("only a teacher makes and manages lessons");
        }
    }
}
