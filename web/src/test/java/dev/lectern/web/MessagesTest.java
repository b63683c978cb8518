package dev.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.web.page.DashboardPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final Path TEMPLATES = Path.of("src", "main", "jte");

    @Test
    void koreanTextsAndEnglishTextsByLanguage() {
        assertThat(Messages.of(Locale.forLanguageTag("ko-KR"))).isSameAs(Messages.KOREAN);
        assertThat(Messages.of(Locale.FRENCH)).isSameAs(Messages.ENGLISH);
        assertThat(Messages.of(null)).isSameAs(Messages.ENGLISH);
        assertThat(Messages.KOREAN.get("nav.experiments")).isEqualTo("실험");
        assertThat(Messages.ENGLISH.get("nav.experiments")).isEqualTo("Experiments");
        assertThat(Messages.KOREAN.lang()).isEqualTo("ko");
        // Placeholders are filled as they are: numbers are not regrouped or localised.
        assertThat(Messages.KOREAN.format("runs.pager.many", 2, 3, 12345)).isEqualTo("3쪽 중 2쪽 (실험 12345개)");
    }

    @Test
    void aKeyTheKoreanBundleLacksShowsInEnglishAndAnUnknownKeyShowsAsItself() throws IOException {
        Properties korean = load("messages_ko.properties");
        assertThat(korean).doesNotContainKey("lang.name.en");
        assertThat(Messages.KOREAN.get("lang.name.en")).isEqualTo("English");
        assertThat(Messages.KOREAN.get("no.such.key")).isEqualTo("no.such.key");
        assertThat(Messages.KOREAN.getOr("status.SOMETHING_NEW", "SOMETHING_NEW"))
                .isEqualTo("SOMETHING_NEW");
        assertThat(Messages.KOREAN.getOr("status.SUCCEEDED", "SUCCEEDED")).isEqualTo("완료");
    }

    @Test
    void everyKeyATemplateLooksUpHasAnEnglishTextAndEveryEnglishTextAKoreanOne() throws IOException {
        Properties english = load("messages.properties");
        Properties korean = load("messages_ko.properties");
        Pattern lookup = Pattern.compile("t\\.(?:get|format|getOr)\\(\"([^\"]+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jte")).toList()) {
                Matcher m = lookup.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1);
                    // Keys built from a prefix and a value (status., dataset.role., error.heading.) are checked below.
                    if (!key.endsWith(".") && !english.containsKey(key)) {
                        missing.add(file + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).as("keys with no English text").isEmpty();
        Set<String> untranslated = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            if (!korean.containsKey(key)
                    && !Set.of("lang.name.en", "lang.name.ko", "common.dash").contains(key)) {
                untranslated.add(key);
            }
        }
        assertThat(untranslated).as("English texts with no Korean one").isEmpty();
        for (String status : List.of("QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED")) {
            assertThat(korean).containsKey("status." + status);
        }
        for (String heading : List.of("badRequest", "notAllowed", "notFound", "conflict", "tooLarge", "serverError")) {
            assertThat(korean).containsKey("error.heading." + heading);
        }
    }

    @Test
    void aPageInKoreanSaysSoAndOffersEnglish() {
        Templates templates = new Templates();
        String html = templates.render(
                "dashboard.jte",
                new DashboardPage(List.of(), List.of()),
                Messages.KOREAN.returningTo("/experiments?page=2"));
        assertThat(html)
                .contains("<html lang=\"ko\">", "<title>대시보드 · Lectern</title>", ">강의 모델</h1>")
                .contains("<a href=\"/lang?to=en&amp;next=%2Fexperiments%3Fpage%3D2\" lang=\"en\"")
                .contains("<span class=\"lang-current\" lang=\"ko\" aria-current=\"true\">한국어</span>");
        String english = templates.render("dashboard.jte", new DashboardPage(List.of(), List.of()));
        assertThat(english).contains("<html lang=\"en\">", ">Lecture models</h1>", "id=\"lang-ko\"");
    }

    @Test
    void theSwitchOnlyLeadsBackToThisSite() {
        assertThat(Messages.localPath("/experiments?tag=a")).isEqualTo("/experiments?tag=a");
        assertThat(Messages.localPath("//evil.example/")).isEqualTo("/");
        assertThat(Messages.localPath("https://evil.example/")).isEqualTo("/");
        assertThat(Messages.localPath("/\\evil.example")).isEqualTo("/");
        assertThat(Messages.localPath("/a\r\nSet-Cookie: x")).isEqualTo("/");
        assertThat(Messages.localPath(null)).isEqualTo("/");
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
