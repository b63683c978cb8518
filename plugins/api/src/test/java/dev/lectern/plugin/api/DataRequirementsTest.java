package dev.lectern.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Label facts from label values, and requirements held against them, with the reasons a student reads. */
class DataRequirementsTest {

    private static final List<Column> TWO_FEATURES = List.of(
            new Column("x1", ColumnRole.FEATURE),
            new Column("x2", ColumnRole.FEATURE),
            new Column("y", ColumnRole.LABEL));

    private static DatasetInfo table(String id, DataFacts facts) {
        return new DatasetInfo(id, id, DatasetKind.TABLE, TWO_FEATURES, "", facts);
    }

    @Test
    void labelValuesReadAsBinaryClassesOrARange() {
        assertThat(DataFacts.ofLabels(new float[] {0, 1, 1, 0}, 2).label()).isEqualTo(LabelKind.BINARY);
        DataFacts three = DataFacts.ofLabels(new float[] {2, 0, 1, 1, 0, 2}, 2);
        assertThat(three.label()).isEqualTo(LabelKind.CLASSES);
        assertThat(three.classes()).containsExactly(0, 1, 2);
        assertThat(three.min()).isEqualTo(0);
        assertThat(three.max()).isEqualTo(2);
        assertThat(three.rows()).isEqualTo(6);
        assertThat(three.describe()).isEqualTo("3 classes (0, 1, 2)");

        DataFacts fractions = DataFacts.ofLabels(new float[] {0.5f, -2.25f, 3}, 1);
        assertThat(fractions.label()).isEqualTo(LabelKind.CONTINUOUS);
        assertThat(fractions.min()).isEqualTo(-2.25);
        assertThat(fractions.max()).isEqualTo(3);
        assertThat(fractions.describe()).isEqualTo("a continuous label from -2.25 to 3");

        // Whole numbers, but a class would have one or two rows: a target to fit, as the test-score lab's.
        assertThat(DataFacts.ofLabels(new float[] {152, 185, 180, 196, 142}, 3).label())
                .isEqualTo(LabelKind.CONTINUOUS);
        float[] many = new float[100];
        for (int i = 0; i < many.length; i++) {
            many[i] = i % (DataFacts.MAX_CLASSES + 1);
        }
        assertThat(DataFacts.ofLabels(many, 1).label())
                .as("more than MAX_CLASSES distinct values")
                .isEqualTo(LabelKind.CONTINUOUS);
        // Two values that are not 0 and 1 are two classes, not a binary label.
        DataFacts oneTwo = DataFacts.ofLabels(new float[] {1, 2, 2, 1}, 1);
        assertThat(oneTwo.label()).isEqualTo(LabelKind.CLASSES);
        assertThat(oneTwo.classes()).containsExactly(1, 2);
    }

    @Test
    void aTableWithoutALabelHasNone() {
        Table table = new Table(List.of(new Column("x", ColumnRole.FEATURE)), 2, new float[] {1, 2});
        DataFacts facts = DataFacts.of(table);
        assertThat(facts.label()).isEqualTo(LabelKind.NONE);
        assertThat(facts.features()).isEqualTo(1);
        assertThat(facts.rows()).isEqualTo(2);
    }

    @Test
    void aBinaryRequirementNamesTheClassesItFound() {
        DataRequirements logistic = DataRequirements.any().withBinaryLabel();
        DataFacts threeClasses = DataFacts.classes(2, 300, List.of(0, 1, 2));

        assertThat(logistic.mismatch(table("three-blobs", threeClasses), Set.of(DatasetKind.TABLE)))
                .contains("needs a binary label (0/1); three-blobs has 3 classes (0, 1, 2)");
        assertThat(logistic.mismatch(table("ex2data1", DataFacts.binary(2, 100)), Set.of(DatasetKind.TABLE)))
                .isEmpty();
        assertThat(logistic.mismatch(
                        table("ex1data1", DataFacts.continuous(1, 97, -2.6807, 24.147)), Set.of(DatasetKind.TABLE)))
                .contains("needs a binary label (0/1); ex1data1 has a continuous label from -2.681 to 24.15");
    }

    @Test
    void aClassRequirementTakesABinaryLabelAsTwoClassesAndChecksTheCount() {
        DataRequirements softmax = DataRequirements.any().withClassLabel(3, 10);
        assertThat(softmax.mismatch(table("two-blobs", DataFacts.binary(2, 200)), Set.of()))
                .contains("needs a class label with 3 to 10 classes; two-blobs has a binary label (0/1)");
        assertThat(softmax.mismatch(table("three-blobs", DataFacts.classes(2, 300, List.of(0, 1, 2))), Set.of()))
                .isEmpty();
        assertThat(DataRequirements.any()
                        .withClassLabel(2, Integer.MAX_VALUE)
                        .mismatch(table("xor", DataFacts.binary(2, 4)), Set.of()))
                .isEmpty();
        assertThat(DataRequirements.any()
                        .withContinuousLabel()
                        .mismatch(table("zoo", DataFacts.classes(16, 101, List.of(0, 1, 2, 3, 4, 5, 6))), Set.of()))
                .contains("needs a continuous label; zoo has 7 classes (0, 1, 2, 3, 4, 5, 6)");
    }

    @Test
    void featuresAndKindsAreChecked() {
        DataRequirements poly = DataRequirements.any().withFeatures(1).withContinuousLabel();
        assertThat(poly.mismatch(table("ex1data2", DataFacts.continuous(2, 47, 169900, 699900)), Set.of()))
                .contains("needs 1 feature; ex1data2 has 2 features");
        assertThat(DataRequirements.any()
                        .withFeatures(2, 8)
                        .mismatch(table("zoo", DataFacts.classes(16, 101, List.of(0, 1))), Set.of()))
                .contains("needs 2 to 8 features; zoo has 16 features");

        DatasetInfo text =
                new DatasetInfo("hello", "hello", DatasetKind.TEXT, List.of(), "", DataFacts.unlabelled(0, 5));
        assertThat(DataRequirements.any().mismatch(text, Set.of(DatasetKind.TABLE)))
                .contains("trains on table data sets; hello is text");
        assertThat(DataRequirements.any()
                        .withKinds(DatasetKind.TEXT)
                        .withoutLabel()
                        .mismatch(text, Set.of()))
                .isEmpty();
    }

    @Test
    void unknownFactsAndTheDefaultAcceptEverythingOfTheKind() {
        DatasetInfo old = new DatasetInfo("upload", "upload", DatasetKind.TABLE, TWO_FEATURES, "");
        assertThat(old.facts()).isEqualTo(DataFacts.UNKNOWN);
        assertThat(DataRequirements.any().withBinaryLabel().withFeatures(5).mismatch(old, Set.of(DatasetKind.TABLE)))
                .as("a requirement the facts cannot answer passes; the plugin checks the loaded data")
                .isEmpty();
        assertThat(DataRequirements.any()
                        .mismatch(table("three-blobs", DataFacts.classes(2, 300, List.of(0, 1, 2))), Set.of()))
                .isEmpty();
        LecturePlugin legacy = new LecturePlugin() {
            @Override
            public PluginDescriptor descriptor() {
                return new PluginDescriptor("legacy", "Legacy", "t", "s", "1", "1.3.0", List.of());
            }

            @Override
            public List<ParamSpec> hyperParameters() {
                return List.of();
            }

            @Override
            public Set<DatasetKind> datasetKinds() {
                return Set.of(DatasetKind.TABLE);
            }

            @Override
            public TrainedModel train(TrainingContext context) {
                throw new UnsupportedOperationException();
            }

            @Override
            public TrainedModel load(java.nio.file.Path directory, ai.djl.Device device) {
                throw new UnsupportedOperationException();
            }
        };
        assertThat(legacy.dataRequirements()).isEqualTo(DataRequirements.any());
        assertThat(legacy.dataRequirements().preferredDataset()).isNull();
    }

    @Test
    void badRangesAndInconsistentFactsAreRefused() {
        assertThatThrownBy(() -> DataRequirements.any().withFeatures(3, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataRequirements.any().withClassLabel(-1, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataFacts(2, 10, LabelKind.BINARY, List.of(1, 2), 1, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DataFacts.classes(2, 10, List.of(1, 0, 1)))
                .as("0 and 1 make a binary label")
                .isEqualTo(DataFacts.binary(2, 10));
    }
}
