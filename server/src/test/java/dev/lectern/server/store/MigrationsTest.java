package dev.lectern.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code db/postgresql} is {@code db/migration} for PostgreSQL: the same scripts, identical but for those whose H2 text
 * cannot change (their checksums are recorded in users' H2 files) and is not PostgreSQL.
 */
class MigrationsTest {

    /** Scripts whose PostgreSQL copy says the same in PostgreSQL's words. */
    static final Set<String> POSTGRESQL_ONLY_CHANGES = Set.of("V5__metric_texts.sql");

    @Test
    void thePostgresqlFolderHoldsEveryMigrationUnchangedButTheListedOnes() throws IOException, URISyntaxException {
        Path h2 = folder("db/migration");
        Path postgres = folder("db/postgresql");
        List<String> names = names(h2);
        assertThat(names).hasSizeGreaterThanOrEqualTo(11);
        assertThat(names(postgres)).as("a new migration goes into both folders").containsExactlyElementsOf(names);
        for (String name : names) {
            String common = Files.readString(h2.resolve(name));
            String copy = Files.readString(postgres.resolve(name));
            if (POSTGRESQL_ONLY_CHANGES.contains(name)) {
                assertThat(copy).as(name).isNotEqualTo(common);
            } else {
                assertThat(copy).as("db/postgresql/%s is db/migration/%s", name, name).isEqualTo(common);
            }
        }
    }

    private static Path folder(String resource) throws URISyntaxException {
        return Path.of(MigrationsTest.class.getClassLoader().getResource(resource).toURI());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
