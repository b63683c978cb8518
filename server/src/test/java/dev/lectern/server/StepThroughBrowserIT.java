package dev.lectern.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.lectern.server.testing.Browser;
import dev.lectern.server.testing.BrowserTest;
import dev.lectern.server.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Step-through gradient descent on the cost surface (issue #17): a student pauses a linear-regression run on ex1data1,
 * steps three times and sees the point on the surface and the filled-in update formula advance by exactly three
 * updates (checked against three updates computed here from the data), changes alpha live, steps once more and sees
 * the new alpha in the formula and the new slope in H(x), then resumes to the end, where the result's formulas show
 * the fitted line.
 */
class StepThroughBrowserIT extends BrowserTest {

    private static final Pattern PAUSED_AT = Pattern.compile("paused before step (\\d+)");
    /** A number as the formulas write it: 0.4679, -3.630, 3.200 \times 10^{-5}, in parentheses when negative. */
    private static final String NUMBER = "\\(?(-?[0-9.]+(?: \\\\times 10\\^\\{-?\\d+\\})?)\\)?";

    private static final Pattern W_UPDATE =
            Pattern.compile("^W := .* = " + NUMBER + " - " + NUMBER + " \\\\times " + NUMBER + " = " + NUMBER + "$");
    private static final Pattern HYPOTHESIS = Pattern.compile("^H\\(x\\) = " + NUMBER + "x ([+-]) " + NUMBER + "$");

    /** What the page drew after some updates: the surface's point now and the formulas' TeX. */
    private record Drawn(long updates, double w, double b, List<String> formulas) {}

    @Test
    @Timeout(240)
    void eachStepMovesThePointByOneUpdateWithItsNumbersFilledIn() throws IOException {
        double[][] data = ex1data1();
        page.navigate(server.url() + "/plugins/linear-regression?dataset=ex1data1");
        page.locator("#epochs").fill("20000");
        // A small alpha keeps every update large enough to tell 3 updates from 2 or 4 in float32.
        page.locator("#learningRate").fill("0.001");
        page.locator("#run").click();
        page.waitForURL("**/experiments/*");
        // Paused as soon as it trains, while each update still moves the point far more than float32's error.
        assertThat(page.locator("#status")).hasText("RUNNING");
        page.locator("#pause").click();
        assertThat(page.locator("#paused-at")).containsText("paused before step");
        Matcher m = PAUSED_AT.matcher(page.locator("#paused-at").textContent());
        assertThat(m.find()).isTrue();
        long at = Long.parseLong(m.group(1));

        Drawn before = drawnAfter(at);
        assertThat(page.locator("#views-live")).containsText("The model after " + steps(at));
        assertThat(page.locator("#views figure.view-heatmap")).containsText("now, after " + steps(at));
        Browser.screenshot(page, "step-through-paused");

        for (int i = 1; i <= 3; i++) {
            page.locator("#step-1").click();
            assertThat(page.locator("#paused-at")).hasText("paused before step " + (at + i));
        }
        Drawn after = drawnAfter(at + 3);
        assertThat(page.locator("#views figure.view-heatmap")).containsText("now, after " + steps(at + 3));

        // Exactly three full-batch updates of alpha 0.001 from the point before, in float32 as trained.
        double[] two = descend(data, before.w(), before.b(), 0.001, 2);
        double[] three = descend(data, before.w(), before.b(), 0.001, 3);
        double[] four = descend(data, before.w(), before.b(), 0.001, 4);
        double tolerance = 2e-6;
        assertThat(Math.abs(three[1] - two[1]))
                .as("one update's change of b, which must dwarf float32's error for this check to mean anything")
                .isGreaterThan(20 * tolerance);
        assertThat(after.w()).as("W after 3 steps").isCloseTo(three[0], within(tolerance));
        assertThat(after.b()).as("b after 3 steps").isCloseTo(three[1], within(tolerance));
        assertThat(Math.abs(after.b() - two[1])).as("b is not 2 updates on").isGreaterThan(10 * tolerance);
        assertThat(Math.abs(after.b() - four[1])).as("b is not 4 updates on").isGreaterThan(10 * tolerance);

        // The last update's formula: W := W(after 2) - alpha x dJ/dW there = W now, with those numbers.
        Matcher w = find(after.formulas(), W_UPDATE);
        double wBefore = number(w.group(1));
        double alpha = number(w.group(2));
        double gradient = number(w.group(3));
        double wAfter = number(w.group(4));
        assertThat(alpha).isEqualTo(0.001);
        assertThat(wBefore).as("W before the third step").isCloseTo(two[0], within(digits(two[0])));
        assertThat(gradient)
                .as("dJ/dW before the third step")
                .isCloseTo(gradient(data, two[0], two[1])[0], within(digits(gradient)));
        assertThat(wAfter).as("W after the third step").isCloseTo(after.w(), within(digits(after.w())));
        assertThat(wBefore - alpha * gradient)
                .as("W before - alpha x gradient, as the page writes them")
                .isCloseTo(wAfter, within(digits(wBefore) + alpha * digits(gradient) + digits(wAfter)));
        assertThat(find(after.formulas(), Pattern.compile("^b := .*$")).group()).contains(" - 0.001 \\times ");
        Browser.screenshot(page, "step-through-three-steps");

        page.locator("#live-learningRate").fill("0.002");
        page.locator("#live-apply").click();
        page.locator("#step-1").click();
        assertThat(page.locator("#paused-at")).hasText("paused before step " + (at + 4));
        Drawn changed = drawnAfter(at + 4);
        assertThat(page.locator("#control-events")).containsText("alpha 0.001 -> 0.002 at step " + (at + 3));
        page.waitForFunction("() => Number(document.querySelector('canvas#chart-loss')?.dataset.markers) === 1");
        Matcher w2 = find(changed.formulas(), W_UPDATE);
        assertThat(number(w2.group(2)))
                .as("alpha in the update after the change")
                .isEqualTo(0.002);
        double[] next = descend(data, after.w(), after.b(), 0.002, 1);
        assertThat(changed.w()).as("W after one update of the new alpha").isCloseTo(next[0], within(tolerance));
        assertThat(changed.b()).as("b after one update of the new alpha").isCloseTo(next[1], within(tolerance));
        Matcher h = find(changed.formulas(), HYPOTHESIS);
        assertThat(number(h.group(1))).as("the slope of H(x) now").isCloseTo(changed.w(), within(digits(changed.w())));
        Browser.screenshot(page, "step-through-alpha-changed");

        page.locator("#resume").click();
        assertThat(page.locator("#status"))
                .hasText("SUCCEEDED", new LocatorAssertions.HasTextOptions().setTimeout(180_000));
        assertThat(page.locator("#progress-text")).hasText("step 20000 of 20000");
        assertThat(page.locator("#views-live")).isHidden();
        assertThat(page.locator("#views .formula[data-tex^='H(x) = ']")).hasCount(1);
        Matcher fitted = HYPOTHESIS.matcher(
                page.locator("#views .formula[data-tex^='H(x) = ']").getAttribute("data-tex"));
        assertThat(fitted.matches()).isTrue();
        // Near the normal equation's line θ = [-3.8958, 1.1930], which 20000 updates of alpha 0.002 all but reach.
        assertThat(number(fitted.group(1))).isCloseTo(1.193, within(0.002));
        assertThat(number(fitted.group(3))).isCloseTo(3.896, within(0.01));
        Browser.screenshot(page, "step-through-finished");
    }

    /** Waits until the page shows the pictures after {@code updates} steps and reads what they say. */
    private Drawn drawnAfter(long updates) {
        page.waitForFunction("n => document.getElementById('views').dataset.updates === n", String.valueOf(updates));
        // The numbers of the point the page drew, at full precision, from the answer it drew them from.
        @SuppressWarnings("unchecked")
        List<Object> point = (List<Object>) page.evaluate("async () => {\n"
                + "  const r = await fetch(location.pathname.replace('/experiments/', '/api/experiments/')"
                + " + '/live-views');\n"
                + "  const j = await r.json();\n"
                + "  const map = j.views.find((v) => v.type === 'Heatmap');\n"
                + "  const now = map.overlay.find((s) => s.name.startsWith('now, after'));\n"
                + "  return [j.updates, now.x[0], now.y[0]];\n"
                + "}");
        assertThat(((Number) point.get(0)).longValue())
                .as("updates of the pictures read")
                .isEqualTo(updates);
        List<String> formulas =
                page.locator("#views .formula[data-tex]").evaluateAll("ns => ns.map((n) => n.dataset.tex)")
                                instanceof List<?> list
                        ? list.stream().map(String::valueOf).toList()
                        : List.of();
        assertThat(formulas).as("formulas on the page").isNotEmpty();
        return new Drawn(
                updates, ((Number) point.get(1)).doubleValue(), ((Number) point.get(2)).doubleValue(), formulas);
    }

    private static String steps(long n) {
        return n + (n == 1 ? " step" : " steps");
    }

    private static Matcher find(List<String> formulas, Pattern pattern) {
        for (String tex : formulas) {
            Matcher m = pattern.matcher(tex);
            if (m.matches()) {
                return m;
            }
        }
        throw new AssertionError("no formula matches " + pattern + " among " + formulas);
    }

    private static double number(String tex) {
        String[] parts = tex.split(" \\\\times 10\\^\\{");
        double mantissa = Double.parseDouble(parts[0]);
        return parts.length == 1 ? mantissa : mantissa * Math.pow(10, Integer.parseInt(parts[1].replace("}", "")));
    }

    /** Half a unit in the fourth significant digit: how far a number written with four digits may be from its value. */
    private static double digits(double value) {
        return value == 0 ? 1e-12 : 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(value))) - 3) * 1.0001;
    }

    /** Full-batch gradient descent on J = 1/(2m) sum (Wx + b - y)^2, in float32 like the run. */
    private static double[] descend(double[][] data, double w, double b, double alpha, int steps) {
        float fw = (float) w;
        float fb = (float) b;
        for (int s = 0; s < steps; s++) {
            double[] g = gradient(data, fw, fb);
            fw = fw - (float) alpha * (float) g[0];
            fb = fb - (float) alpha * (float) g[1];
        }
        return new double[] {fw, fb};
    }

    private static double[] gradient(double[][] data, double w, double b) {
        double gw = 0;
        double gb = 0;
        for (double[] row : data) {
            double error = w * row[0] + b - row[1];
            gw += error * row[0];
            gb += error;
        }
        return new double[] {gw / data.length, gb / data.length};
    }

    private static double[][] ex1data1() throws IOException {
        return Files.readAllLines(TestServer.datasetMirror().resolve("ex1data1.txt")).stream()
                .filter(line -> !line.isBlank())
                .map(line -> {
                    String[] cells = line.split(",");
                    // As the run reads them: float32.
                    return new double[] {Float.parseFloat(cells[0]), Float.parseFloat(cells[1])};
                })
                .toArray(double[][]::new);
    }
}
