package dev.lectern.server.dataset;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.lectern.server.testing.Browser;
import dev.lectern.server.testing.BrowserTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person in a real browser (Debian's Chromium, headless) uploads a CSV file, looks at it, trains on it and
 * deletes it. Screenshots go to {@code target/screenshots/}.
 */
class DatasetPagesBrowserIT extends BrowserTest {

    @Test
    @Timeout(120)
    void uploadACsvSeeItsRowsStatsAndScatterPlotThenTrainOnIt(@TempDir Path files) throws IOException {
        Path csv = Files.writeString(files.resolve("study.csv"), DatasetUploadIT.EXAM);
        page.navigate(server.url() + "/");
        page.locator("nav a[href='/datasets']").click();
        page.waitForURL("**/datasets");
        assertThat(page.locator("#built-in")).containsText("XOR truth table");
        assertThat(page.locator("#dataset-study-hours")).hasCount(0);

        page.locator("#file").setInputFiles(csv);
        page.locator("#upload-name").fill("Study hours");
        page.locator("#upload").click();
        page.waitForURL("**/datasets/study-hours");

        assertThat(page.locator("#title")).hasText("Study hours");
        assertThat(page.locator("#rows tbody tr")).hasCount(8);
        assertThat(page.locator("#rows tbody tr").first()).containsText("52.5");
        assertThat(page.locator("#stats")).containsText("hours");
        assertThat(page.locator("#stats tbody tr").nth(1)).containsText("61.25");
        assertThat(page.locator("#x-column")).hasValue("1");
        // A regression: the feature against the label.
        assertThat(page.locator("#y-column")).hasValue("2");
        page.waitForFunction("() => Number(document.querySelector('canvas#scatter')?.dataset.points) === 8");
        Browser.screenshot(page, "dataset-uploaded");

        page.selectOption("#y-column", "1");
        page.waitForFunction(
                "() => window.Chart && Chart.getChart('scatter')?.options.scales.y.title.text === 'hours'");

        page.locator("#train-linear-regression").click();
        page.waitForURL("**/plugins/linear-regression?dataset=study-hours");
        assertThat(page.locator("#dataset")).hasValue("study-hours");
    }

    @Test
    @Timeout(120)
    void trainLogisticRegressionOnAnUploadedCsvAndSeeTheDecisionBoundary(@TempDir Path files) throws IOException {
        StringBuilder csv = new StringBuilder("exam 1,exam 2,admitted\n");
        Random random = new Random(5);
        for (int i = 0; i < 80; i++) {
            double a = 30 + 70 * random.nextDouble();
            double b = 30 + 70 * random.nextDouble();
            csv.append(String.format(
                    Locale.ROOT, "%.2f,%.2f,%d%n", a, b, a + b + 10 * random.nextGaussian() > 130 ? 1 : 0));
        }
        Path file = Files.writeString(files.resolve("admissions.csv"), csv);
        page.navigate(server.url() + "/datasets");
        page.locator("#file").setInputFiles(file);
        page.locator("#upload").click();
        page.waitForURL("**/datasets/admissions");

        page.locator("#train-logistic-regression").click();
        page.waitForURL("**/plugins/logistic-regression?dataset=admissions");
        page.locator("#run").click();
        page.waitForURL("**/experiments/*");
        assertThat(page.locator("#status"))
                .hasText("SUCCEEDED", new LocatorAssertions.HasTextOptions().setTimeout(60_000));

        assertThat(page.locator("figure.view-heatmap").first()).containsText("decision boundary");
        assertThat(page.locator("figure.view-heatmap canvas").first()).isVisible();
        assertThat(page.locator("#views")).containsText("admitted = 1");
        assertThat(page.locator("table.confusion")).isVisible();
        Browser.screenshot(page, "logistic-on-upload");
    }

    @Test
    @Timeout(60)
    void aMalformedFileIsRefusedWith400AndTheLineAndColumnShownOnThePage(@TempDir Path files) throws IOException {
        Path csv = Files.writeString(files.resolve("broken.csv"), "x,y\n1,2\n3,oops\n");
        page.navigate(server.url() + "/datasets");
        page.locator("#file").setInputFiles(csv);
        page.locator("#label").fill("y");

        Response response = page.waitForResponse(
                r -> r.url().endsWith("/datasets") && "POST".equals(r.request().method()),
                () -> page.locator("#upload").click());

        assertThat(response.status()).isEqualTo(400);
        assertThat(page.locator("p.field-error#error-file"))
                .hasText("broken.csv: line 3, column 2: 'oops' is not a number");
        assertThat(page.locator("#file")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#label")).hasValue("y");
        Browser.screenshot(page, "dataset-upload-error");
    }

    @Test
    @Timeout(60)
    void aFileOverTheLimitIsStoppedInTheBrowserBeforeItIsSent(@TempDir Path files) throws IOException {
        Path csv = Files.writeString(files.resolve("fine.csv"), DatasetUploadIT.EXAM);
        page.navigate(server.url() + "/datasets");
        page.evalOnSelector("#upload-form", "form => form.dataset.maxBytes = '20'");
        page.locator("#file").setInputFiles(csv);
        boolean[] posted = {false};
        page.onRequest(r -> posted[0] |= "POST".equals(r.method()));

        page.locator("#upload").click();

        assertThat(page.locator("#error-file")).containsText("larger than the upload limit of 20 MB");
        assertThat(posted[0]).isFalse();
    }

    @Test
    @Timeout(60)
    void anUploadIsDeletedFromItsPageAfterConfirming(@TempDir Path files) throws IOException {
        Path csv = Files.writeString(files.resolve("scratch.csv"), DatasetUploadIT.EXAM);
        page.navigate(server.url() + "/datasets");
        page.locator("#file").setInputFiles(csv);
        page.locator("#upload").click();
        page.waitForURL("**/datasets/scratch");

        page.onceDialog(dialog -> dialog.dismiss());
        page.locator("#delete").click();
        assertThat(page).hasURL(server.url() + "/datasets/scratch");

        page.onceDialog(dialog -> {
            assertThat(dialog.message()).contains("Delete the data set scratch.csv?");
            dialog.accept();
        });
        page.locator("#delete").click();
        page.waitForURL("**/datasets");
        assertThat(page.locator("#dataset-scratch")).hasCount(0);
        assertThat(dataDir.resolve("uploads").resolve("scratch.csv")).doesNotExist();
    }

    @Test
    @Timeout(60)
    void aBuiltInClassificationSetShowsItsClassesAndAColouredPlot() {
        page.navigate(server.url() + "/datasets/three-blobs");
        assertThat(page.locator("#classes tbody tr")).hasCount(3);
        assertThat(page.locator("#delete-form")).hasCount(0);
        page.waitForFunction("() => Number(document.querySelector('canvas#scatter')?.dataset.points) === 300");
        assertThat(page.evaluate("() => Chart.getChart('scatter').data.datasets.length"))
                .isEqualTo(3);
        Browser.screenshot(page, "dataset-three-blobs");
    }
}
