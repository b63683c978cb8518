package dev.lectern.server.lesson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One ready lesson per lecture, imported with one click, so a teacher starts from something that works. */
public final class SampleLessons {

    private SampleLessons() {}

    /**
     * The ready lessons by name.
     *
     * @return name to lesson request
     */
    public static Map<String, LessonService.NewLesson> all() {
        Map<String, LessonService.NewLesson> out = new LinkedHashMap<>();
        out.put(
                "learning-rate",
                new LessonService.NewLesson(
                        "How big a step? The learning rate",
                        "Gradient descent on the food-truck data (Coursera ex1), features as they are. Pick a learning rate "
                                + "alpha between 0.001 and 0.03, say what you expect, then run and watch the cost curve.",
                        "linear-regression",
                        "ex1data1",
                        Map.of("epochs", 1500, "featureScaling", "none"),
                        Map.of("learningRate", new Lesson.Range(0.001, 0.03)),
                        new Lesson.Question(
                                "With the alpha you picked, what will the cost do in 1500 steps?",
                                "choice",
                                List.of(
                                        "fall and level off",
                                        "fall but not level off yet",
                                        "grow without bound (diverge)"))));
        out.put(
                "xor",
                new LessonService.NewLesson(
                        "XOR needs a hidden layer",
                        "A single layer cannot separate XOR. Choose the hidden layers (such as 2 or 4,4, or 0 for none) and the "
                                + "activation, and see whether all four rows come out right.",
                        "mlp",
                        "xor",
                        Map.of("epochs", 500),
                        Map.of(
                                "hiddenLayers",
                                new Lesson.Range(null, null),
                                "activation",
                                new Lesson.Range(null, null)),
                        new Lesson.Question(
                                "Will your network get all four XOR rows right?", "choice", List.of("yes", "no"))));
        out.put(
                "cnn",
                new LessonService.NewLesson(
                        "A CNN on MNIST in one epoch",
                        "One epoch over 5000 training images. Choose the learning rate and dropout; guess the test accuracy.",
                        "cnn",
                        "mnist",
                        Map.of("epochs", 1, "trainLimit", 5000),
                        Map.of("learningRate", new Lesson.Range(0.0001, 0.01), "dropout", new Lesson.Range(0.0, 0.7)),
                        new Lesson.Question("What test accuracy (in %) do you expect?", "number", List.of())));
        out.put(
                "hello",
                new LessonService.NewLesson(
                        "hell -> ello: a recurrent net learns to spell",
                        "The lecture's example: from 'hell' predict 'ello'. Choose the cell and the hidden size.",
                        "char-rnn",
                        "hello",
                        Map.of(),
                        Map.of("cell", new Lesson.Range(null, null), "hiddenSize", new Lesson.Range(1.0, 64.0)),
                        new Lesson.Question("After training, will it spell 'ello'?", "choice", List.of("yes", "no"))));
        out.put(
                "stock",
                new LessonService.NewLesson(
                        "Can an LSTM beat yesterday's price?",
                        "The stock lab: predict the next close from a window of days. Choose the window and the model.",
                        "lstm-forecaster",
                        "data-02-stock_daily",
                        Map.of(),
                        Map.of("window", new Lesson.Range(1.0, 30.0), "model", new Lesson.Range(null, null)),
                        new Lesson.Question(
                                "Will your model's test error beat the persistence baseline (tomorrow = today)?",
                                "choice",
                                List.of("yes", "no"))));
        return out;
    }
}
