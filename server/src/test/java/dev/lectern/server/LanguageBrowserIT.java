package dev.lectern.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.LoadState;
import dev.lectern.server.testing.Browser;
import dev.lectern.server.testing.Http;
import dev.lectern.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UI in the reader's language: a Korean browser sees Korean navigation, forms, plugin texts and the runs table;
 * the header's switch keeps English (a cookie) across pages; an English browser sees English.
 */
class LanguageBrowserIT {

    @TempDir
    static Path dataDir;

    static TestServer server;
    static Browser browser;
    static long run;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dataDir);
        browser = Browser.launch();
        Http http = new Http(server.url());
        Http.Response created = http.post(
                "/api/experiments",
                "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\",\"params\":{\"epochs\":20}}");
        assertThat(created.status()).as(String.valueOf(created.json())).isEqualTo(201);
        run = created.json().get("id").asLong();
        http.awaitStatus(run, "SUCCEEDED"::equals, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    @Test
    @Timeout(120)
    void aKoreanBrowserSeesKoreanNavigationFormsAndTheRunsTable() {
        try (BrowserContext context = browser.newContext("ko-KR")) {
            Page page = context.newPage();
            page.navigate(server.url() + "/");
            assertThat(page.locator("html")).hasAttribute("lang", "ko");
            assertThat(page.locator("nav.nav")).containsText("대시보드");
            assertThat(page.locator("nav.nav")).containsText("실험");
            assertThat(page.locator("nav.nav")).containsText("데이터셋");
            assertThat(page.locator("h1")).hasText("강의 모델");
            // The plugin's own bundle: its title and summary in Korean; a formula stays as it is.
            assertThat(page.locator("#plugin-linear-regression .card-title")).hasText("선형 회귀");
            assertThat(page.locator("#plugin-logistic-regression .card-title")).hasText("로지스틱 회귀");
            assertThat(page.locator("#plugin-linear-regression .summary")).containsText("H(x) = Wx + b");
            assertThat(page.locator("#recent")).containsText("최근 실험");
            Browser.screenshot(page, "ko-dashboard");

            page.navigate(server.url() + "/plugins/linear-regression");
            assertThat(page.locator("label[for=learningRate]")).hasText("학습률 α");
            assertThat(page.locator("#help-learningRate")).containsText("경사 하강법의 보폭");
            assertThat(page.locator("label[for=epochs]")).hasText("에폭");
            assertThat(page.locator("label[for=dataset]")).hasText("데이터셋");
            assertThat(page.locator("#run")).hasText("실행");
            assertThat(page.locator("#guide-heading")).hasText("살펴볼 점");
            assertThat(page.locator("#guide")).containsText("비용 곡면");
            assertThat(page.locator("#guide")).containsText("α = 0.01, 1500 스텝");
            Browser.screenshot(page, "ko-plugin");

            // A refused value comes back next to its field, in Korean, naming the field by its Korean label.
            page.evaluate("() => document.getElementById('learningRate').removeAttribute('max')");
            page.locator("#learningRate").fill("1000");
            page.locator("#run").click();
            assertThat(page.locator("#error-learningRate")).containsText("학습률 α: 10 이하로 입력하세요");

            page.navigate(server.url() + "/experiments");
            assertThat(page.locator("h1")).hasText("실험");
            assertThat(page.locator("label[for=filter-q]")).hasText("이름과 메모 검색");
            assertThat(page.locator("#runs thead")).containsText("이름");
            assertThat(page.locator("#runs thead")).containsText("상태");
            assertThat(page.locator("#runs thead")).containsText("하이퍼파라미터");
            assertThat(page.locator("#experiment-" + run + " .run-status")).containsText("완료");
            assertThat(page.locator("#experiment-" + run)).containsText("선형 회귀");
            assertThat(page.locator("#apply-filters")).hasText("적용");
            Browser.screenshot(page, "ko-experiments");
        }
    }

    @Test
    @Timeout(120)
    void theSwitchToEnglishIsKeptInACookieAcrossPages() {
        try (BrowserContext context = browser.newContext("ko-KR")) {
            Page page = context.newPage();
            page.navigate(server.url() + "/datasets");
            assertThat(page.locator("html")).hasAttribute("lang", "ko");
            page.locator("#lang-en").click();
            page.waitForURL(Pattern.compile(".*/datasets$"));
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator("h1")).hasText("Data sets");
            assertThat(context.cookies().stream()
                            .filter(c -> c.name.equals("lectern_lang"))
                            .map(c -> c.value))
                    .containsExactly("en");

            // The browser still asks for Korean; the cookie wins on every page.
            page.navigate(server.url() + "/plugins/linear-regression");
            assertThat(page.locator("label[for=learningRate]")).hasText("Learning rate α");
            page.navigate(server.url() + "/experiments?status=SUCCEEDED");
            assertThat(page.locator("#runs thead")).containsText("Hyperparameters");

            // And back: the switch returns to the same address, query included.
            page.locator("#lang-ko").click();
            page.waitForURL(Pattern.compile(".*/experiments\\?status=SUCCEEDED$"));
            assertThat(page.locator("h1")).hasText("실험");
            assertThat(page.locator("#experiment-" + run + " .run-status")).containsText("완료");
        }
    }

    @Test
    @Timeout(60)
    void anEnglishBrowserSeesEnglishAndTheSwitchOffersKorean() {
        try (BrowserContext context = browser.newContext("en-US")) {
            Page page = context.newPage();
            page.navigate(server.url() + "/");
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.locator("nav.nav")).containsText("Dashboard");
            assertThat(page.locator("h1")).hasText("Lecture models");
            assertThat(page.locator("#plugin-linear-regression .card-title")).hasText("Linear regression");
            assertThat(page.locator("#lang-ko")).hasText("한국어");
            assertThat(page.locator("#lang-ko")).hasAttribute("lang", "ko");
            page.navigate(server.url() + "/plugins/linear-regression");
            assertThat(page.locator("label[for=learningRate]")).hasText("Learning rate α");
            assertThat(page.locator("#guide-heading")).hasText("What to look at");
        }
    }

    /**
     * Korean words are shorter or longer than English ones: the Korean pages must pass the same axe rules (WCAG 2.0-2.2
     * A and AA) and fit a phone's width. AccessibilityIT does this over more pages with more runs; this is the quick
     * check beside the language tests.
     */
    @Test
    @Timeout(240)
    void koreanPagesPassAxeAndDoNotScrollSideways() {
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = browser.newContext("ko-KR")) {
            Page page = context.newPage();
            page.setDefaultTimeout(60_000);
            for (int width : new int[] {1400, 390}) {
                page.setViewportSize(width, 900);
                for (String path : List.of(
                        "/",
                        "/plugins",
                        "/plugins/linear-regression",
                        "/experiments",
                        "/experiments/" + run,
                        "/datasets",
                        "/datasets/ex1data1",
                        "/system",
                        "/experiments/999999")) {
                    page.navigate(server.url() + path);
                    page.waitForLoadState(LoadState.NETWORKIDLE);
                    String where = path + " @" + width + "px";
                    if (!"ko".equals(page.locator("html").getAttribute("lang"))) {
                        problems.add(where + ": not in Korean");
                    }
                    AxeResults results = new AxeBuilder(page)
                            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                            .analyze();
                    for (Rule rule : results.getViolations()) {
                        problems.add(where + ": " + rule.getId() + " (" + rule.getHelp() + ") on "
                                + rule.getNodes().size() + " element(s)");
                    }
                    Object wide = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth + 1"
                            + " ? document.documentElement.scrollWidth + ' px' : ''");
                    if (!"".equals(wide)) {
                        problems.add(where + ": the page scrolls sideways (" + wide + ")");
                    }
                }
            }
        }
        assertThat(problems).as("Korean pages").isEmpty();
    }

    @Test
    @Timeout(60)
    void theSwitchIsAPlainLinkThatOnlyGoesBackToThisSite() throws Exception {
        try (BrowserContext context = browser.newContext("en-US")) {
            Page page = context.newPage();
            // Keyboard: the switch is reachable and followed with Enter.
            page.navigate(server.url() + "/system");
            page.locator("#lang-ko").focus();
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*/system$"));
            assertThat(page.locator("h1")).hasText("시스템");

            // A next address elsewhere is replaced by the dashboard; an unknown language is refused by name.
            page.navigate(server.url() + "/lang?to=en&next=//evil.example/");
            assertThat(page).hasURL(server.url() + "/");
            var refused = page.navigate(server.url() + "/lang?to=fr");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(page.locator("#error-page")).containsText("to must be en or ko");
            assertThat(context.cookies().stream().map((Cookie c) -> c.name + "=" + c.value))
                    .contains("lectern_lang=en");
        }
    }
}
