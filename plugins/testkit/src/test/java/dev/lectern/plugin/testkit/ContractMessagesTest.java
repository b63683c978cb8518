package dev.lectern.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.lectern.plugin.api.LecturePlugin;
import dev.lectern.plugin.api.TrainingData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The contract test as an author meets it: fixture plugins run through the real JUnit platform, and the outcome and
 * message of each check are read back. The fixtures are nested classes, which the build's test scan leaves alone; they
 * run only when selected here.
 */
class ContractMessagesTest {

    private static final double[] ZERO = {0, 0, 0, 0, 0, 0};
    private static final double[] PERFECT = {1, 1, 1, 1, 1, 1};
    private static final double[] FALLING = {1.0, 0.8, 0.6, 0.4, 0.3, 0.2};
    private static final double[] RISING = {0.5, 0.6, 0.7, 0.75, 0.8, 0.8};

    /** Shared set-up of the fixtures: the scripted plugin and the criterion are the only differences. */
    abstract static class Fixture extends LecturePluginContractTest {
        @Override
        protected TrainingData tinyData() {
            return ScriptedPlugin.DATA;
        }

        @Override
        protected Map<String, Object> tinyBudget() {
            return Map.of();
        }
    }

    /** A perceptron on separable data: its criterion is 0 from the first step, its accuracy perfect. */
    static class PerceptronFixture extends Fixture {
        @Override
        protected LecturePlugin plugin() {
            return ScriptedPlugin.reporting(ZERO, PERFECT);
        }
    }

    /** The same perceptron with the criterion it should choose. */
    static class PerceptronByAccuracyFixture extends PerceptronFixture {
        @Override
        protected LearningCheck learningCheck() {
            return LearningCheck.atLeast("accuracy", 0.9);
        }
    }

    /** The same perceptron judged by its loss reaching a bound. */
    static class PerceptronByLossBoundFixture extends PerceptronFixture {
        @Override
        protected LearningCheck learningCheck() {
            return LearningCheck.reachesAtMost("loss", 0.05);
        }
    }

    /** A model whose training breaks at step 2 with a cause, as a missing weight file would. */
    static class ThrowingFixture extends Fixture {
        @Override
        protected LecturePlugin plugin() {
            return ScriptedPlugin.throwingAt(
                    FALLING,
                    2,
                    () -> new IllegalStateException(
                            "weights went missing", new UncheckedIOException(new IOException("disk unplugged"))));
        }
    }

    /** A model that learns: the loss falls to a fifth, accuracy rises to 0.8. */
    static class LearningFixture extends Fixture {
        @Override
        protected LecturePlugin plugin() {
            return ScriptedPlugin.reporting(FALLING, RISING);
        }
    }

    static class LearningTooLittleFixture extends LearningFixture {
        @Override
        protected LearningCheck learningCheck() {
            return LearningCheck.fallsBy("loss", 0.1);
        }
    }

    static class LearningBelowBoundFixture extends LearningFixture {
        @Override
        protected LearningCheck learningCheck() {
            return LearningCheck.reachesAtMost("loss", 0.1);
        }
    }

    static class LearningAccurateEnoughFixture extends LearningFixture {
        @Override
        protected LearningCheck learningCheck() {
            return LearningCheck.atLeast("accuracy", 0.8);
        }
    }

    static class LearningNotAccurateEnoughFixture extends LearningFixture {
        @Override
        protected LearningCheck learningCheck() {
            return LearningCheck.atLeast("accuracy", 0.95);
        }
    }

    /** Judged by a key of the model's summary, which no step reported. */
    static class LearningBySummaryFixture extends LearningFixture {
        @Override
        protected LearningCheck learningCheck() {
            return LearningCheck.atLeast("trainAccuracy", 0.75);
        }
    }

    static class MisnamedMetricFixture extends LearningFixture {
        @Override
        protected LearningCheck learningCheck() {
            return LearningCheck.atLeast("acc", 0.5);
        }
    }

    @Test
    void aLossThatStartsAtZeroFailsTheDefaultNamingTheOverride() {
        String message = failure(PerceptronFixture.class, "shortRunLearns");
        assertThat(message)
                .contains("loss falls by a factor: last < 0.9 x first")
                .contains("first loss 0.0 at step 0, last 0.0 at step 5 (6 points)")
                .contains("no factor can make it fall")
                .contains("override learningCheck() in PerceptronFixture")
                .contains("LearningCheck.atLeast(\"accuracy\", 0.9)")
                .contains("metrics reported: [accuracy, loss]")
                .contains("summary keys: [trainAccuracy]");
    }

    @Test
    void aPerceptronPassesWithTheCriterionItChooses() {
        assertThat(outcome(PerceptronByAccuracyFixture.class, "shortRunLearns")).isEmpty();
        assertThat(outcome(PerceptronByLossBoundFixture.class, "shortRunLearns"))
                .isEmpty();
    }

    @Test
    void anExceptionInTrainingIsReportedAsATrainingFailure() {
        assertThat(failure(ThrowingFixture.class, "shortRunLearns"))
                .startsWith("training failed in shortRunLearns: java.lang.IllegalStateException: weights went missing")
                .contains("caused by java.io.UncheckedIOException")
                .contains("disk unplugged");
    }

    @Test
    void anExceptionBeforeTheCancellationIsNotCalledAFailedCancellation() {
        String message = failure(ThrowingFixture.class, "honoursCancellation");
        assertThat(message)
                .startsWith("training failed in honoursCancellation before any cancellation")
                .contains("java.lang.IllegalStateException: weights went missing")
                .contains("caused by java.io.UncheckedIOException")
                .doesNotContain("instance of TrainingCancelledException");
    }

    @Test
    void aRunThatStopsWhenCancelledPassesTheCancellationCheck() {
        assertThat(outcome(LearningFixture.class, "honoursCancellation")).isEmpty();
    }

    @Test
    void theCriteriaPassAndFailOnTheValuesTheyCompare() {
        assertThat(outcome(LearningFixture.class, "shortRunLearns"))
                .as("default")
                .isEmpty();
        assertThat(failure(LearningTooLittleFixture.class, "shortRunLearns"))
                .contains("first loss 1.0 at step 0, last 0.2 at step 5 (6 points); needed last < 0.1 x 1.0 = 0.1")
                .contains("override learningCheck() in LearningTooLittleFixture");
        assertThat(failure(LearningBelowBoundFixture.class, "shortRunLearns"))
                .contains("loss reaches at most 0.1")
                .contains("last loss 0.2 at step 5, needed <= 0.1");
        assertThat(outcome(LearningAccurateEnoughFixture.class, "shortRunLearns"))
                .as("accuracy at least 0.8")
                .isEmpty();
        assertThat(failure(LearningNotAccurateEnoughFixture.class, "shortRunLearns"))
                .contains("last accuracy 0.8 at step 5, needed >= 0.95")
                .contains("override learningCheck()");
        assertThat(outcome(LearningBySummaryFixture.class, "shortRunLearns"))
                .as("summary key")
                .isEmpty();
        assertThat(failure(MisnamedMetricFixture.class, "shortRunLearns"))
                .contains("reported no 'acc' points and its summary has no 'acc'")
                .contains("metrics reported: [accuracy, loss]");
    }

    @Test
    void criteriaRefuseNonsense() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LearningCheck.fallsBy("loss", 1.5))
                .hasMessageContaining("(0, 1)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LearningCheck.atLeast(" ", 0.5))
                .hasMessageContaining("blank");
    }

    private static String failure(Class<?> fixture, String method) {
        Optional<Throwable> thrown = outcome(fixture, method);
        assertThat(thrown).as("%s.%s fails", fixture.getSimpleName(), method).isPresent();
        assertThat(thrown.get()).isInstanceOf(AssertionError.class);
        return thrown.get().getMessage();
    }

    /** Runs one check of one fixture on the JUnit platform; empty when it passed, else what it failed with. */
    private static Optional<Throwable> outcome(Class<?> fixture, String method) {
        List<TestExecutionResult> results = new ArrayList<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectMethod(fixture, method))
                        .build(),
                new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        if (id.isTest()) {
                            results.add(result);
                        }
                    }

                    @Override
                    public void executionSkipped(TestIdentifier id, String reason) {
                        throw new AssertionError(fixture.getSimpleName() + "." + method + " was skipped: " + reason);
                    }
                });
        assertThat(results)
                .as("%s.%s ran once", fixture.getSimpleName(), method)
                .hasSize(1);
        TestExecutionResult result = results.get(0);
        assertThat(result.getStatus())
                .as("%s.%s did not abort: %s", fixture.getSimpleName(), method, result.getThrowable())
                .isNotEqualTo(TestExecutionResult.Status.ABORTED);
        return result.getThrowable();
    }
}
