package dev.lectern.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class PageLanguageTest {

    @Test
    void theCookieWinsOverTheBrowsersLanguage() {
        assertThat(PageLanguage.chosen("en", "ko-KR,ko;q=0.9")).isEqualTo(Locale.ENGLISH);
        assertThat(PageLanguage.chosen("ko", "en-US,en;q=0.9")).isEqualTo(Locale.KOREAN);
    }

    @Test
    void withoutACookieTheBrowsersFirstLanguageOfTheTwoDecides() {
        assertThat(PageLanguage.chosen(null, "ko-KR,ko;q=0.9,en-US;q=0.8")).isEqualTo(Locale.KOREAN);
        assertThat(PageLanguage.chosen(null, "ko")).isEqualTo(Locale.KOREAN);
        assertThat(PageLanguage.chosen(null, "en-US,en;q=0.9,ko;q=0.8")).isEqualTo(Locale.ENGLISH);
        // French first, then Korean: of what this server speaks, Korean is preferred.
        assertThat(PageLanguage.chosen(null, "fr-FR,fr;q=0.9,ko;q=0.5")).isEqualTo(Locale.KOREAN);
        assertThat(PageLanguage.chosen(null, "fr-FR")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void nothingOrNonsenseIsEnglish() {
        assertThat(PageLanguage.chosen(null, null)).isEqualTo(Locale.ENGLISH);
        assertThat(PageLanguage.chosen("", " ")).isEqualTo(Locale.ENGLISH);
        assertThat(PageLanguage.chosen("xx", ";;;q=abc")).isEqualTo(Locale.ENGLISH);
        assertThat(PageLanguage.chosen("<script>", null)).isEqualTo(Locale.ENGLISH);
    }
}
