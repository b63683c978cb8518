package dev.lectern.datasets;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared directory of real lecture files; a test that needs it fails, never skips, without it. */
final class TestMirror {

    /** A downloader that fails, so catalog tests never reach the network. */
    static final Downloader OFFLINE = (url, target, listener) -> {
        throw new IOException("offline in tests");
    };

    private TestMirror() {}

    static Path dir() {
        String property = System.getProperty("lectern.datasetMirror");
        if (property != null && Files.isDirectory(Path.of(property))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        // Surefire runs in the module directory; the checkout's parent holds shared/datasets.
        Path fallback = Path.of("")
                .toAbsolutePath()
                .getParent()
                .resolve("../shared/datasets")
                .normalize();
        if (Files.isDirectory(fallback)) {
            return fallback;
        }
        return fail("data set mirror not found: system property lectern.datasetMirror is "
                + (property == null ? "unset" : "'" + property + "' (not a directory)") + " and " + fallback
                + " does not exist");
    }
}
