package dev.lectern.server.lesson;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.datasets.DatasetService;
import dev.lectern.datasets.DatasetSpec;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.ParamSpec;
import dev.lectern.plugin.api.ParamType;
import dev.lectern.server.ConflictException;
import dev.lectern.server.ForbiddenException;
import dev.lectern.server.Json;
import dev.lectern.server.NotFoundException;
import dev.lectern.server.access.Viewer;
import dev.lectern.server.experiment.Experiment;
import dev.lectern.server.experiment.ExperimentService;
import dev.lectern.server.http.Formats;
import dev.lectern.server.http.Forms;
import dev.lectern.server.http.Ids;
import dev.lectern.server.http.JsonBodies;
import dev.lectern.server.http.Markdown;
import dev.lectern.server.http.NotAcceptableException;
import dev.lectern.server.metrics.LiveHub;
import dev.lectern.server.metrics.MetricsRepository;
import dev.lectern.server.plugin.DataFit;
import dev.lectern.server.plugin.PluginPages;
import dev.lectern.web.Templates;
import dev.lectern.web.page.ClassPage;
import dev.lectern.web.page.FormField;
import dev.lectern.web.page.KeyValue;
import dev.lectern.web.page.LessonFormPage;
import dev.lectern.web.page.LessonListPage;
import dev.lectern.web.page.LessonPage;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Lessons over the JSON API and as pages: the teacher's list and class view, and the student's short link. */
public final class LessonController {

    private static final int CURVE_POINTS = 300;

    private final LessonService lessons;
    private final ExperimentService experiments;
    private final MetricsRepository metrics;
    private final DatasetService datasets;
    private final Templates templates;
    private final Json json;
    private final LiveHub hub;

    /**
     * Creates the controller.
     *
     * @param lessons the lessons
     * @param experiments the runs
     * @param metrics the runs' metrics
     * @param datasets the data sets, for their titles
     * @param templates renders the pages
     * @param json reads bodies
     * @param hub the runs' live events, for the class view's stream
     */
    public LessonController(
            LessonService lessons,
            ExperimentService experiments,
            MetricsRepository metrics,
            DatasetService datasets,
            Templates templates,
            Json json,
            LiveHub hub) {
        this.hub = hub;
        this.lessons = lessons;
        this.experiments = experiments;
        this.metrics = metrics;
        this.datasets = datasets;
        this.templates = templates;
        this.json = json;
    }

    /** {@code POST /api/lessons} (teacher): {@code {"title","plugin","dataset","params"?,"editable"?,"question"?}}. */
    public void create(Context ctx) {
        JsonNode body = JsonBodies.object(ctx, json.mapper());
        LessonService.NewLesson request;
        try {
            Map<String, Lesson.Range> editable = new LinkedHashMap<>();
            JsonNode e = body.path("editable");
            if (e.isArray()) {
                e.forEach(name -> editable.put(name.asText(), null));
            } else if (e.isObject()) {
                editable.putAll(
                        json.mapper().convertValue(e, new TypeReference<LinkedHashMap<String, Lesson.Range>>() {}));
            }
            Map<String, Object> params = body.has("params")
                            && !body.get("params").isNull()
                    ? json.mapper()
                            .convertValue(body.get("params"), new TypeReference<LinkedHashMap<String, Object>>() {})
                    : Map.of();
            Lesson.Question question =
                    body.has("question") && !body.get("question").isNull()
                            ? json.mapper().convertValue(body.get("question"), Lesson.Question.class)
                            : null;
            request = new LessonService.NewLesson(
                    JsonBodies.text(body, "title"),
                    JsonBodies.text(body, "instructions"),
                    JsonBodies.text(body, "plugin"),
                    JsonBodies.text(body, "dataset"),
                    params,
                    editable,
                    question);
        } catch (IllegalArgumentException ex) {
            throw new InvalidParameterException("body", "the lesson is not well formed: " + ex.getMessage());
        }
        ctx.status(HttpStatus.CREATED).json(LessonView.of(lessons.create(request, Viewer.of(ctx))));
    }

    /** {@code GET /api/lessons} (teacher). */
    public void list(Context ctx) {
        ctx.json(lessons.all(Viewer.of(ctx)).stream().map(LessonView::of).toList());
    }

    /** {@code GET /api/lessons/{id}} (teacher). */
    public void get(Context ctx) {
        ctx.json(LessonView.of(lessons.get(Ids.pathId(ctx, "lesson"), Viewer.of(ctx))));
    }

    /** {@code POST /api/lessons/{id}/open} and {@code /close} (teacher). */
    public void open(Context ctx) {
        ctx.json(LessonView.of(lessons.setOpen(Ids.pathId(ctx, "lesson"), true, Viewer.of(ctx))));
    }

    /** {@code POST /api/lessons/{id}/close} (teacher). */
    public void close(Context ctx) {
        ctx.json(LessonView.of(lessons.setOpen(Ids.pathId(ctx, "lesson"), false, Viewer.of(ctx))));
    }

    /** {@code GET /api/lessons/{id}/class} (teacher): every run with its student, answer, status and curve. */
    public void classView(Context ctx) {
        ctx.json(classOf(lessons.get(Ids.pathId(ctx, "lesson"), Viewer.of(ctx))));
    }

    /**
     * Before {@code GET /api/lessons/{id}/events} opens: the lesson must be the teacher's to see (404 or 403 otherwise,
     * not an open stream), and the client must take exactly text/event-stream.
     */
    public void beforeEvents(Context ctx) {
        lessons.get(Ids.pathId(ctx, "lesson"), Viewer.of(ctx));
        if (!"text/event-stream".equals(ctx.header("Accept"))) {
            throw new NotAcceptableException(
                    "this endpoint streams Server-Sent Events: send 'Accept: text/event-stream'");
        }
    }

    /**
     * {@code GET /api/lessons/{id}/events} (teacher): a {@code run} event each time a student's run of the lesson
     * reports points or changes status, and when a student starts one; the class view reads the class again on it.
     */
    public void events(SseClient client) {
        Lesson lesson = lessons.get(Ids.pathId(client.ctx(), "lesson"), Viewer.of(client.ctx()));
        ClassStream stream =
                new ClassStream(client, hub, id -> experiments.get(id).status().isActive());
        client.keepAlive();
        Runnable stop = lessons.onNewRun(lesson.id(), id -> {
            stream.follow(id);
            stream.send("run", "{\"experimentId\":" + id + ",\"event\":\"new\"}");
        });
        client.onClose(() -> {
            stop.run();
            stream.close();
        });
        for (LessonRepository.LessonRun run : lessons.runs(lesson)) {
            if (experiments.get(run.experimentId()).status().isActive()) {
                stream.follow(run.experimentId());
            }
        }
        stream.send("ready", "{}");
    }

    /** {@code GET /api/lessons/{id}/class.csv} (teacher). */
    public void classCsv(Context ctx) {
        Lesson lesson = lessons.get(Ids.pathId(ctx, "lesson"), Viewer.of(ctx));
        StringBuilder csv = new StringBuilder("experiment,student,answer,status,last_loss,error\n");
        for (ClassView.Run r : classOf(lesson).runs()) {
            csv.append(r.experimentId())
                    .append(',')
                    .append(field(r.student()))
                    .append(',')
                    .append(field(r.answer()))
                    .append(',')
                    .append(r.status())
                    .append(',')
                    .append(r.lastLoss() == null ? "" : r.lastLoss())
                    .append(',')
                    .append(field(r.error()))
                    .append('\n');
        }
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"lesson-" + lesson.id() + "-class.csv\"");
        ctx.result(csv.toString());
    }

    /** {@code GET /lessons} (teacher): the lessons and the ready ones to import. */
    public void listPage(Context ctx) {
        renderList(ctx, "");
    }

    /** {@code POST /lessons/import/{name}} (teacher): imports a ready lesson. */
    public void importSample(Context ctx) {
        LessonService.NewLesson sample = SampleLessons.all().get(ctx.pathParam("name"));
        if (sample == null) {
            throw new NotFoundException("no ready lesson is called '" + ctx.pathParam("name") + "'");
        }
        try {
            lessons.create(sample, Viewer.of(ctx));
            ctx.redirect("/lessons", HttpStatus.SEE_OTHER);
        } catch (InvalidParameterException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            renderList(ctx, "the ready lesson '" + sample.title() + "' cannot be made here: " + e.getMessage());
        }
    }

    /** {@code POST /lessons/{id}/open} and {@code /close} (teacher, the list's buttons). */
    public void openForm(Context ctx) {
        lessons.setOpen(Ids.pathId(ctx, "lesson"), ctx.path().endsWith("/open"), Viewer.of(ctx));
        ctx.redirect("/lessons", HttpStatus.SEE_OTHER);
    }

    /** {@code GET /lessons/new?plugin=&dataset=} (teacher): the form that turns a plugin page into a lesson. */
    public void newLessonPage(Context ctx) {
        if (!Viewer.of(ctx).isTeacher()) {
            throw new ForbiddenException("only a teacher makes and manages lessons");
        }
        String plugin = ctx.queryParam("plugin");
        ctx.html(templates.render(
                "lessons/new.jte", form(plugin, ctx.queryParam("dataset"), Map.of(), Map.of(), "", "")));
    }

    /** {@code POST /lessons} (teacher): the form; on success to the lessons list with the new link. */
    public void createForm(Context ctx) {
        String plugin = ctx.formParam("plugin");
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> modes = new LinkedHashMap<>();
        Map<String, Object> fixed = new LinkedHashMap<>();
        Map<String, Lesson.Range> editable = new LinkedHashMap<>();
        try {
            for (ParamSpec spec : experiments.plugin(plugin).hyperParameters()) {
                String value = ctx.formParam("v_" + spec.name());
                String mode = ctx.formParam("m_" + spec.name());
                values.put(spec.name(), value == null ? "" : value);
                modes.put(spec.name(), mode == null ? "default" : mode);
                if ("fixed".equals(mode) && value != null && !value.isBlank()) {
                    fixed.put(spec.name(), value);
                } else if ("students".equals(mode)) {
                    editable.put(
                            spec.name(),
                            new Lesson.Range(number(ctx, "min_" + spec.name()), number(ctx, "max_" + spec.name())));
                }
            }
            String questionText = ctx.formParam("question");
            Lesson.Question question = questionText == null || questionText.isBlank()
                    ? null
                    : new Lesson.Question(
                            questionText,
                            ctx.formParam("kind"),
                            ctx.formParam("choices") == null
                                    ? List.of()
                                    : Arrays.stream(ctx.formParam("choices").split(","))
                                            .map(String::strip)
                                            .toList());
            lessons.create(
                    new LessonService.NewLesson(
                            ctx.formParam("title"),
                            ctx.formParam("instructions"),
                            plugin,
                            ctx.formParam("dataset"),
                            fixed,
                            editable,
                            question),
                    Viewer.of(ctx));
            ctx.redirect("/lessons", HttpStatus.SEE_OTHER);
        } catch (InvalidParameterException e) {
            ctx.status(HttpStatus.BAD_REQUEST)
                    .html(templates.render(
                            "lessons/new.jte",
                            form(
                                    plugin,
                                    ctx.formParam("dataset"),
                                    values,
                                    modes,
                                    ctx.formParam("title") == null ? "" : ctx.formParam("title"),
                                    (e.field() == null ? "" : e.field() + ": ") + e.getMessage())));
        }
    }

    private static Double number(Context ctx, String name) {
        String raw = ctx.formParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(
                    name.substring(name.indexOf('_') + 1), "a range bound is a number, got '" + raw + "'");
        }
    }

    private LessonFormPage form(
            String pluginId,
            String dataset,
            Map<String, String> values,
            Map<String, String> modes,
            String title,
            String error) {
        LecturePlugin plugin = experiments.plugin(pluginId);
        List<DatasetSpec> options = DataFit.fitting(plugin, datasets.catalog().ofKinds(plugin.datasetKinds()));
        String selected = DataFit.selected(plugin, options, dataset);
        List<LessonFormPage.ParamRow> rows = new ArrayList<>();
        for (FormField field : Forms.fields(plugin.hyperParameters(), values, null, null)) {
            ParamSpec spec = plugin.hyperParameters().stream()
                    .filter(p -> p.name().equals(field.name()))
                    .findFirst()
                    .orElseThrow();
            boolean numeric = spec.type() == ParamType.INT || spec.type() == ParamType.DOUBLE;
            rows.add(new LessonFormPage.ParamRow(field, modes.getOrDefault(field.name(), "default"), numeric));
        }
        return new LessonFormPage(
                plugin.descriptor().id(),
                plugin.descriptor().title(),
                PluginPages.datasetOptions(options, selected),
                rows,
                title,
                error);
    }

    /** {@code GET /lessons/{id}/class} (teacher). */
    public void classPage(Context ctx) {
        Lesson lesson = lessons.get(Ids.pathId(ctx, "lesson"), Viewer.of(ctx));
        ctx.html(templates.render(
                "lessons/class.jte",
                new ClassPage(
                        lesson.id(),
                        lesson.code(),
                        lesson.title(),
                        lesson.question() == null ? "" : lesson.question().text(),
                        lesson.open())));
    }

    /** {@code GET /l/{code}}: the lesson as a student sees it. */
    public void lessonPage(Context ctx) {
        Lesson lesson = lessons.byCode(ctx.pathParam("code"));
        ctx.html(templates.render("lessons/show.jte", page(ctx, lesson, Map.of(), "", null, "")));
    }

    /** {@code POST /l/{code}/run}: the student's answer and chosen values; on to the run's page. */
    public void run(Context ctx) {
        Lesson lesson = lessons.byCode(ctx.pathParam("code"));
        Map<String, Object> submitted = new LinkedHashMap<>();
        for (ParamSpec spec : lessons.controls(lesson)) {
            String value = ctx.formParam(spec.name());
            if (value != null) {
                submitted.put(spec.name(), value);
            }
        }
        String answer = ctx.formParam("answer");
        try {
            Experiment run = lessons.run(lesson, submitted, answer, Viewer.of(ctx));
            ctx.redirect("/experiments/" + run.id(), HttpStatus.SEE_OTHER);
        } catch (InvalidParameterException | ConflictException e) {
            String field = e instanceof InvalidParameterException invalid ? invalid.field() : null;
            ctx.status(e instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST)
                    .html(templates.render(
                            "lessons/show.jte",
                            page(ctx, lesson, submitted, answer == null ? "" : answer, field, e.getMessage())));
        }
    }

    /** {@code POST /api/lessons/{code}/run}: {@code {"answer"?, "params"?}} -> 201 with the run's id. */
    public void runApi(Context ctx) {
        Lesson lesson = lessons.byCode(ctx.pathParam("code"));
        JsonNode body = JsonBodies.object(ctx, json.mapper());
        Map<String, Object> submitted = new LinkedHashMap<>();
        body.path("params")
                .fields()
                .forEachRemaining(e -> submitted.put(e.getKey(), JsonBodies.scalar(e.getKey(), e.getValue())));
        JsonNode answer = body.get("answer");
        Experiment run = lessons.run(
                lesson, submitted, answer == null || answer.isNull() ? null : answer.asText(), Viewer.of(ctx));
        ctx.status(HttpStatus.CREATED).json(Map.of("id", run.id(), "lesson", lesson.id()));
    }

    private void renderList(Context ctx, String error) {
        List<LessonListPage.LessonRow> rows = lessons.all(Viewer.of(ctx)).stream()
                .map(l -> new LessonListPage.LessonRow(
                        l.id(),
                        l.code(),
                        l.title(),
                        l.plugin(),
                        l.open(),
                        lessons.runs(l).size()))
                .toList();
        List<KeyValue> samples = SampleLessons.all().entrySet().stream()
                .map(e -> new KeyValue(e.getKey(), e.getValue().title()))
                .toList();
        List<KeyValue> plugins = experiments.plugins().stream()
                .map(p -> new KeyValue(p.descriptor().id(), p.descriptor().title()))
                .toList();
        ctx.html(templates.render("lessons/index.jte", new LessonListPage(rows, samples, plugins, error)));
    }

    private LessonPage page(
            Context ctx, Lesson lesson, Map<String, ?> values, String answer, String field, String error) {
        List<ParamSpec> controls = lessons.controls(lesson);
        boolean fieldError =
                field != null && controls.stream().anyMatch(s -> s.name().equals(field));
        String pluginTitle = experiments.plugin(lesson.plugin()).descriptor().title();
        String datasetTitle =
                datasets.catalog().find(lesson.dataset()).map(d -> d.title()).orElse(lesson.dataset());
        List<LessonPage.LessonRunRow> mine = lessons.runsOf(lesson, Viewer.of(ctx)).stream()
                .map(r -> {
                    Experiment e = experiments.get(r.experimentId());
                    Double loss = metrics.lastValues(List.of(e.id()), "loss").get(e.id());
                    return new LessonPage.LessonRunRow(
                            e.id(),
                            r.student() == null ? "" : r.student(),
                            r.answer() == null ? "" : r.answer(),
                            e.status().name(),
                            loss == null ? "" : "loss " + Formats.number(loss));
                })
                .toList();
        Lesson.Question q = lesson.question();
        return new LessonPage(
                lesson.code(),
                lesson.title(),
                Markdown.toSafeHtml(lesson.instructions()),
                pluginTitle,
                datasetTitle,
                lesson.open(),
                q == null ? "" : q.text(),
                q == null ? "" : q.kind(),
                q == null ? List.of() : q.choices(),
                answer,
                Forms.fields(controls, values, field, error),
                fieldError ? "" : error == null ? "" : error,
                mine);
    }

    private ClassView classOf(Lesson lesson) {
        List<ClassView.Run> runs = new ArrayList<>();
        Map<String, Map<String, Integer>> tally = new TreeMap<>();
        for (LessonRepository.LessonRun r : lessons.runs(lesson)) {
            Experiment e;
            try {
                e = experiments.get(r.experimentId());
            } catch (NotFoundException deleted) {
                continue;
            }
            List<double[]> curve =
                    metrics.series(e.id(), CURVE_POINTS, Set.of("loss")).getOrDefault("loss", List.of());
            Double last = curve.isEmpty() ? null : curve.get(curve.size() - 1)[1];
            runs.add(new ClassView.Run(
                    e.id(),
                    r.student(),
                    r.answer(),
                    e.status().name(),
                    e.error().orElse(null),
                    last,
                    curve));
            tally.computeIfAbsent(r.answer() == null ? "" : r.answer(), k -> new TreeMap<>())
                    .merge(e.status().name(), 1, Integer::sum);
        }
        List<ClassView.Tally> tallies = tally.entrySet().stream()
                .map(t -> new ClassView.Tally(t.getKey(), t.getValue()))
                .toList();
        return new ClassView(LessonView.of(lesson), runs, tallies);
    }

    private static String field(String text) {
        if (text == null) {
            return "";
        }
        // Spreadsheet formula injection: a leading =, +, - or @ is quoted as text.
        String safe = text.matches("^[=+\\-@].*") ? "'" + text : text;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
