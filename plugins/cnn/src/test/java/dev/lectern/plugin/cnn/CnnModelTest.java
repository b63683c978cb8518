package dev.lectern.plugin.cnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.lectern.plugin.api.ImageSet;
import dev.lectern.plugin.api.InvalidParameterException;
import dev.lectern.plugin.api.ParamValues;
import dev.lectern.plugin.api.TrainingData;
import dev.lectern.plugin.api.view.ConfusionMatrix;
import dev.lectern.plugin.api.view.ImageGallery;
import dev.lectern.plugin.api.view.TableView;
import dev.lectern.plugin.api.view.View;
import dev.lectern.plugin.testkit.FakeTrainingContext;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** predictPixels (for the drawing canvas), the save/load round trip, the views and the per-epoch metrics on tiny bars. */
class CnnModelTest {

    private static final TrainingData BARS = Shapes.of(128, 32, 3);

    private static CnnModel train(FakeTrainingContext context) throws Exception {
        return (CnnModel) new CnnPlugin().train(context);
    }

    private static FakeTrainingContext context(Map<String, Object> values) {
        return new FakeTrainingContext(
                ParamValues.check(new CnnPlugin().hyperParameters(), values), BARS, 9, () -> false);
    }

    @Test
    void predictsPixelsAndSurvivesSaveAndLoad(@TempDir Path dir) throws Exception {
        ImageSet test = BARS.images().test();
        float[][] before;
        try (CnnModel model = train(context(Map.of("epochs", 3, "batchSize", 16, "learningRate", 0.01)))) {
            float[] p = model.predictPixels(pixels(test, 0));
            assertThat(p).hasSize(2);
            assertThat(p[0] + p[1]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
            int right = 0;
            before = new float[8][];
            for (int i = 0; i < test.count(); i++) {
                float[] q = model.predictPixels(pixels(test, i));
                if ((q[1] > q[0] ? 1 : 0) == test.labels()[i]) {
                    right++;
                }
                if (i < before.length) {
                    before[i] = q;
                }
            }
            assertThat(right)
                    .as("bars classified right out of %s", test.count())
                    .isGreaterThanOrEqualTo(28);
            assertThatThrownBy(() -> model.predictPixels(new float[10])).isInstanceOf(IllegalArgumentException.class);
            model.save(dir);
        }
        try (CnnModel loaded = (CnnModel) new CnnPlugin().load(dir, Device.cpu())) {
            assertThat(loaded.classNames()).containsExactly("horizontal", "vertical");
            for (int i = 0; i < before.length; i++) {
                assertThat(loaded.predictPixels(pixels(test, i)))
                        .as("image %s", i)
                        .containsExactly(before[i]);
            }
        }
    }

    @Test
    void lecturePresetRoundTripsWithItsArchitecture(@TempDir Path dir) throws Exception {
        ImageSet test = BARS.images().test();
        float[] before;
        try (CnnModel model =
                train(context(Map.of("preset", "lecture", "fcUnits", 32, "epochs", 1, "batchSize", 32)))) {
            assertThat(model.architecture().channels()).containsExactly(32, 64, 128);
            before = model.predictPixels(pixels(test, 5));
            model.save(dir);
        }
        try (CnnModel loaded = (CnnModel) new CnnPlugin().load(dir, Device.cpu())) {
            assertThat(loaded.architecture()).isEqualTo(CnnArchitecture.lecture(3, 32, 0.3, 2));
            // Dropout is off when predicting, so the loaded network answers exactly the same.
            assertThat(loaded.predictPixels(pixels(test, 5))).containsExactly(before);
        }
    }

    @Test
    void reportsEpochMetricsAndShowsTheLessonViews() throws Exception {
        FakeTrainingContext context = context(Map.of(
                "preset",
                "custom",
                "convChannels",
                "16,32",
                "kernelSize",
                5,
                "fcUnits",
                0,
                "epochs",
                2,
                "batchSize",
                32,
                "learningRate",
                0.01));
        try (CnnModel model = train(context)) {
            for (String metric : List.of("accuracy/train", "accuracy/test", "imagesPerSecond", "secondsPerEpoch")) {
                assertThat(context.recorded().points(metric)).as(metric).hasSize(2);
            }
            assertThat(context.recorded().points("loss")).hasSizeGreaterThanOrEqualTo(8);
            assertThat(model.summary())
                    .containsKeys("testAccuracy", "trainAccuracy", "loss", "parameters", "msPerEpoch");
            assertThat(model.summary().get("parameters"))
                    .isEqualTo(5 * 5 * 16 + 16 + 5 * 5 * 16 * 32 + 32 + 7 * 7 * 32 * 2 + 2);
            List<View> views = model.views();
            assertThat(views.get(0)).isInstanceOf(TableView.class);
            ConfusionMatrix confusion = (ConfusionMatrix) views.stream()
                    .filter(v -> v instanceof ConfusionMatrix)
                    .findFirst()
                    .orElseThrow();
            assertThat(Arrays.stream(confusion.counts())
                            .flatMapToLong(Arrays::stream)
                            .sum())
                    .isEqualTo(32);
            List<ImageGallery> galleries = views.stream()
                    .filter(v -> v instanceof ImageGallery)
                    .map(v -> (ImageGallery) v)
                    .toList();
            assertThat(galleries).hasSize(3);
            assertThat(galleries.get(1).images())
                    .as("filters")
                    .hasSize(16)
                    .allSatisfy(image -> assertThat(image.width()).isEqualTo(20));
            assertThat(galleries.get(2).images()).as("input and feature maps").hasSize(17);
            assertThat(galleries.get(2).images().get(1).width()).isEqualTo(14);
            for (ImageGallery gallery : galleries) {
                for (var image : gallery.images()) {
                    for (float v : image.pixels()) {
                        assertThat(v).isBetween(0f, 1f);
                    }
                }
            }
        }
    }

    @Test
    void rejectsAnEvenFilterSize() {
        CnnPlugin plugin = new CnnPlugin();
        ParamValues values = ParamValues.check(plugin.hyperParameters(), Map.of("kernelSize", 4));
        assertThatThrownBy(() -> plugin.validate(values, BARS.info()))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.field()).isEqualTo("kernelSize"));
    }

    @Test
    void mnistDefaultsAreTheSmallNetworkWithAdam() {
        Map<String, Object> defaults = new CnnPlugin()
                .defaultsFor(new dev.lectern.plugin.api.DatasetInfo(
                        "mnist", "MNIST", dev.lectern.plugin.api.DatasetKind.IMAGES, List.of(), ""));
        assertThat(defaults)
                .containsEntry("preset", "small")
                .containsEntry("optimizer", "adam")
                .containsEntry("learningRate", 0.0015)
                .containsEntry("batchSize", 32)
                .containsEntry("lrDecay", 0.4)
                .containsEntry("epochs", 3);
    }

    static float[] pixels(ImageSet set, int index) {
        int size = set.height() * set.width();
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = Byte.toUnsignedInt(set.pixels()[index * size + i]) / 255f;
        }
        return out;
    }
}
