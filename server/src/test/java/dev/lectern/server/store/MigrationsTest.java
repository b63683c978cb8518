package dev.lectern.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Migrations are written once, in portable SQL, in {@code db/migration}; the few that cannot be (their H2 text is
 * fixed by the checksums in users' H2 files) live once per database in {@code db/vendor/h2} and
 * {@code db/vendor/postgresql}, under the same names and never also in the common folder.
 */
class MigrationsTest {

    @Test
    void eachVendorFolderHoldsTheSameScriptsAndNoneIsAlsoCommon() throws IOException, URISyntaxException {
        List<String> common = names(folder("db/migration"));
        List<String> h2 = names(folder("db/vendor/h2"));
        List<String> postgres = names(folder("db/vendor/postgresql"));
        assertThat(common).hasSizeGreaterThanOrEqualTo(12);
        assertThat(postgres).as("a vendor script exists for each database").containsExactlyElementsOf(h2);
        assertThat(common).as("a version is either common or per vendor").doesNotContainAnyElementsOf(h2);
        for (String name : h2) {
            assertThat(Files.readString(folder("db/vendor/postgresql").resolve(name)))
                    .isNotEqualTo(Files.readString(folder("db/vendor/h2").resolve(name)));
        }
    }

    private static Path folder(String resource) throws URISyntaxException {
        return Path.of(
                MigrationsTest.class.getClassLoader().getResource(resource).toURI());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
