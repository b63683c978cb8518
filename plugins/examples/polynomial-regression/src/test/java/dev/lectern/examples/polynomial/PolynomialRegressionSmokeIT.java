package dev.lectern.examples.polynomial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.plugin.testkit.BrowserSmoke;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The plugin folder this module builds, in a real Lectern server and a real browser: a student opens the plugin's
 * page, runs a cubic fit, waits for it and asks the model for H(1.5). Run it with
 * {@code mvn verify -Dlectern.server.jar=<lectern.jar of a built Lectern>}; without the property it is skipped.
 * Lectern's own build runs it in the server module, against the server it has just packaged.
 */
class PolynomialRegressionSmokeIT {

    private static final String ID = "polynomial-regression";

    @Test
    @Timeout(300)
    void aStudentRunsTheFitAndAsksTheModelInTheBrowser() {
        BrowserSmoke.Result result = BrowserSmoke.of(pluginFolder(), ID)
                .dataset("linear-synthetic")
                .params(Map.of("degree", 3, "epochs", 300))
                .predict(Map.of("x", 1.5))
                .run();

        assertThat(result.status()).isEqualTo("SUCCEEDED");
        assertThat(result.prediction()).startsWith("H(1.50000) = ");
        assertThat(result.screenshots())
                .hasSize(3)
                .allSatisfy(shot -> assertThat(shot)
                        .isRegularFile()
                        .satisfies(file -> assertThat(Files.size(file)).isGreaterThan(10_000)));
        assertThat(result.consoleErrors()).as("errors in the browser console").isEmpty();
    }

    /** This module's plugin folder, unless the build names another place (the server's build does). */
    private static Path pluginFolder() {
        return Path.of(System.getProperty("lectern.plugin.folder", "target/plugin/" + ID));
    }
}
