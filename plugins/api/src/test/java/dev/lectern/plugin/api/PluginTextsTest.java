package dev.lectern.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.lectern.plugin.api.texts.BundledPlugin;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PluginTextsTest {

    @Test
    void aPluginsKoreanBundleGivesItsTextsAndMissingKeysFallBackToEnglish() {
        PluginTexts ko = PluginTexts.of(new BundledPlugin(), Locale.forLanguageTag("ko-KR"));
        assertThat(ko.title()).isEqualTo("선형 회귀");
        assertThat(ko.guide()).isEqualTo("비용이 줄어드는 모습을 보세요.\n\n두 번째 문단입니다.");
        // Not in the bundle: the declared English.
        assertThat(ko.topic()).isEqualTo("Lecture 2 — cost function");
        assertThat(ko.summary()).isEqualTo("Fit a line H(x) = Wx + b.");

        List<ParamSpec> params = ko.params(new BundledPlugin().hyperParameters());
        assertThat(params.get(0).label()).isEqualTo("학습률 α");
        assertThat(params.get(0).help()).isEqualTo("Step size.");
        assertThat(params.get(1).label()).isEqualTo("Epochs");
        // Only the words change: name, bounds and default stay, so values parse as before.
        assertThat(params.get(0).name()).isEqualTo("learningRate");
        assertThat(params.get(0).max()).isEqualTo(10.0);
        assertThat(params.get(0).defaultValue()).isEqualTo(0.01);
    }

    @Test
    void englishIsTheDeclaredTextsEvenOnAMachineWhoseDefaultLocaleIsKorean() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.KOREA);
        try {
            PluginTexts en = PluginTexts.of(new BundledPlugin(), Locale.ENGLISH);
            assertThat(en.title()).isEqualTo("Linear regression");
            assertThat(en.params(new BundledPlugin().hyperParameters()).get(0).label())
                    .isEqualTo("Learning rate α");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aPluginWithNoBundleOrABrokenOneShowsItsEnglish() {
        LecturePlugin none = new BundledPlugin() {
            @Override
            public ResourceBundle messages(Locale locale) {
                return PluginTexts.bundle(PluginTextsTest.class, locale);
            }
        };
        assertThat(PluginTexts.bundle(PluginTextsTest.class, Locale.KOREAN)).isNull();
        assertThat(PluginTexts.of(none, Locale.KOREAN).title()).isEqualTo("Linear regression");

        LecturePlugin broken = new BundledPlugin() {
            @Override
            public ResourceBundle messages(Locale locale) {
                throw new IllegalStateException("bad bundle");
            }
        };
        assertThat(PluginTexts.of(broken, Locale.KOREAN).guide()).isEqualTo("Watch the cost fall.");
    }

    /** A plugin written for API 1.3 knows nothing of messages(): the default finds no bundle beside it. */
    @Test
    void anOlderPluginKeepsWorkingWithTheDefault() {
        LecturePlugin old = new LecturePlugin() {
            @Override
            public PluginDescriptor descriptor() {
                return new PluginDescriptor("old", "Old", "Topic", "Summary", "1", "1.3.0", List.of());
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
            public TrainedModel load(Path directory, Device device) {
                throw new UnsupportedOperationException();
            }
        };
        assertThat(old.messages(Locale.KOREAN)).isNull();
        assertThat(PluginTexts.of(old, Locale.KOREAN).title()).isEqualTo("Old");
    }
}
