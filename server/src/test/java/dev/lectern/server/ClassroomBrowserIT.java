package dev.lectern.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.lectern.server.access.Role;
import dev.lectern.server.account.UserStore;
import dev.lectern.server.store.Database;
import dev.lectern.server.store.Jdbc;
import dev.lectern.server.testing.Browser;
import dev.lectern.server.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A teacher and two students in three browser contexts: the teacher signs in, adds the students, imports the
 * learning-rate lesson and hands out its link; each student signs in with the one-time password, chooses their own
 * password, answers, picks an alpha and runs; the teacher's class view shows both curves and both answers.
 */
class ClassroomBrowserIT {

    @Test
    @Timeout(240)
    void aLessonFromTheTeacherToTwoStudentsAndBack(@TempDir Path dataDir) {
        try (Database database = Database.open(
                "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("lectern"))) {
            new UserStore(new Jdbc(database.dataSource())).add("ada", Role.TEACHER, "analytical-engine");
        }
        try (TestServer server = TestServer.start(dataDir, "--accounts", "--concurrency", "2");
                Browser browser = Browser.launch()) {
            BrowserContext teacherContext = browser.newContext();
            Page teacher = teacherContext.newPage();
            teacher.navigate(server.url() + "/lessons");
            teacher.waitForURL("**/sign-in?next=%2Flessons");
            teacher.locator("#user").fill("ada");
            teacher.locator("#password").fill("analytical-engine");
            teacher.locator("#sign-in-button").click();
            teacher.waitForURL("**/lessons");
            assertThat(teacher.locator("#signed-in-as")).hasText("ada (teacher)");

            teacher.navigate(server.url() + "/users");
            teacher.locator("#names").fill("alice\nbob");
            teacher.locator("#add-users").click();
            List<String> passwords = teacher.locator("#created-users td code").allTextContents();
            assertThat(passwords).hasSize(2);
            Browser.screenshot(teacher, "classroom-accounts");

            teacher.navigate(server.url() + "/lessons");
            teacher.locator("#import-learning-rate").click();
            String link = teacher.locator("#lesson-list a[href^='/l/']").first().getAttribute("href");

            String[] names = {"alice", "bob"};
            String[] alphas = {"0.01", "0.03"};
            String[] answers = {"fall and level off", "grow without bound (diverge)"};
            for (int i = 0; i < 2; i++) {
                BrowserContext context = browser.newContext();
                Page student = context.newPage();
                student.navigate(server.url() + link);
                student.locator("#user").fill(names[i]);
                student.locator("#password").fill(passwords.get(i));
                student.locator("#sign-in-button").click();
                student.waitForURL("**/account/password");
                student.locator("#new-password").fill(names[i] + "-own-password");
                student.locator("#repeat-password").fill(names[i] + "-own-password");
                student.locator("#save-password").click();
                student.navigate(server.url() + link);
                assertThat(student.locator("#lesson-form input[name=epochs]")).hasCount(0);
                assertThat(student.locator("#lesson-form input, #lesson-form select")
                                .and(student.locator(":not([type=radio])")))
                        .hasCount(1);
                student.locator("#lesson-form input[value='" + answers[i] + "']")
                        .check();
                student.locator("#learningRate").fill(alphas[i]);
                Browser.screenshot(student, "classroom-lesson-" + names[i]);
                if (i == 1) {
                    student.setViewportSize(390, 844);
                    Browser.screenshot(student, "classroom-lesson-390");
                    student.setViewportSize(1280, 900);
                }
                student.locator("#lesson-run").click();
                student.waitForURL("**/experiments/*");
                assertThat(student.locator("#status"))
                        .not()
                        .hasText("QUEUED", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
                student.navigate(server.url() + "/experiments");
                assertThat(student.locator("table.experiments")).not().containsText(names[1 - i] + "-");
                context.close();
            }

            teacher.navigate(server.url() + "/lessons");
            teacher.locator("a[id^=class-]").first().click();
            teacher.waitForFunction("() => document.getElementById('class-view').dataset.runs === '2'");
            assertThat(teacher.locator("#class-runs")).containsText("alice");
            assertThat(teacher.locator("#class-runs")).containsText("bob");
            assertThat(teacher.locator("#tally")).containsText("fall and level off");
            assertThat(teacher.locator("#tally")).containsText("grow without bound (diverge)");
            teacher.waitForFunction("() => Chart.getChart('class-chart')?.data.datasets.length === 2");
            Browser.screenshot(teacher, "classroom-class-view");
            teacher.setViewportSize(390, 844);
            Browser.screenshot(teacher, "classroom-class-view-390");
            teacher.setViewportSize(1280, 900);

            // Ranked by final loss: alice's alpha 0.01 converges, bob's 0.03 diverges on the unscaled data.
            teacher.waitForFunction("() => [...document.querySelectorAll('#class-runs tbody tr')]"
                    + ".every(r => !/QUEUED|RUNNING/.test(r.cells[3].textContent))");
            assertThat(teacher.locator("#class-runs tbody tr")
                            .first()
                            .locator("td")
                            .nth(1))
                    .hasText("alice");
            // The chart's text route: its label names the lowest last loss, and Show data lists every point drawn.
            assertThat(teacher.locator("#class-chart"))
                    .hasAttribute("aria-label", java.util.regex.Pattern.compile("2 curves; lowest last loss alice"));
            teacher.locator("#curves-heading ~ details.chart-data > summary").click();
            Object drawn = teacher.evaluate(
                    "() => Chart.getChart('class-chart').data.datasets" + ".reduce((n, d) => n + d.data.length, 0)");
            assertThat(teacher.locator("#curves-heading ~ details.chart-data table.chart-data-table"))
                    .hasAttribute("data-rows", String.valueOf(drawn));
            // One click compares the ticked runs (the "compare any subset").
            List<String> ids = ((List<?>) teacher.locator("#class-runs input[name=ids]")
                            .evaluateAll("boxes => boxes.map(b => b.value)"))
                    .stream().map(String::valueOf).toList();
            assertThat(ids).hasSize(2);
            teacher.locator("#class-runs input[name=ids]").nth(0).check();
            teacher.locator("#class-runs input[name=ids]").nth(1).check();
            teacher.locator("#compare-selected").click();
            teacher.waitForURL("**/compare?**");
            assertThat(teacher.locator("#compare-page"))
                    .hasAttribute(
                            "data-ids",
                            java.util.regex.Pattern.compile(
                                    "^(" + ids.get(0) + "," + ids.get(1) + "|" + ids.get(1) + "," + ids.get(0) + ")$"));
            teacherContext.close();
        }
    }
}
