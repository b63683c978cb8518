package dev.lectern.server.testing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, headless, with the flags this machine needs (no sandbox as root, no
 * background network calls). Playwright never downloads a browser here.
 */
public final class Browser implements AutoCloseable {

    /** Where browser tests save their screenshots. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Launches Chromium from {@code -Dlectern.chromium} or /usr/bin/chromium; fails with advice when missing. */
    public static Browser launch() {
        Path chromium = Path.of(System.getProperty("lectern.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("no Chromium at " + chromium
                    + ": install Debian's chromium (apt-get install -y chromium) or pass -Dlectern.chromium=<path>");
        }
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        return new Browser(
                playwright,
                playwright
                        .chromium()
                        .launch(new BrowserType.LaunchOptions()
                                .setExecutablePath(chromium)
                                .setHeadless(true)
                                .setArgs(List.of(
                                        "--no-sandbox",
                                        "--disable-gpu",
                                        "--disable-background-networking",
                                        "--disable-component-update",
                                        "--no-first-run"))));
    }

    /** Opens a fresh context (no cookies) with a laptop-sized window, in English whatever the machine's locale. */
    public BrowserContext newContext() {
        return newContext("en-US");
    }

    /**
     * Opens a fresh context (no cookies) with a laptop-sized window whose browser asks for a language.
     *
     * @param locale the browser's locale, such as {@code ko-KR}: its {@code Accept-Language} and {@code navigator.language}
     * @return the context
     */
    public BrowserContext newContext(String locale) {
        return browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 900)
                .setLocale(locale));
    }

    /** Saves a full-page screenshot as {@code target/screenshots/<name>.png}. */
    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    @Override
    public void close() {
        playwright.close();
    }
}
