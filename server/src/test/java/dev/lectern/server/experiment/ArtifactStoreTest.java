package dev.lectern.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.plugin.api.TrainedModel;
import dev.lectern.plugin.api.view.View;
import dev.lectern.server.store.Database;
import dev.lectern.server.store.Jdbc;
import dev.lectern.server.testing.StoreTest;
import dev.lectern.server.testing.StoredRuns;
import dev.lectern.server.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.io.TempDir;

/** Saved files are recorded with their checksums and handed out in path order, on H2 and PostgreSQL. */
class ArtifactStoreTest {

    @TempDir
    Path artifacts;

    /** A model that saves files whose names a linguistic collation orders otherwise. */
    private static final class Files3 implements TrainedModel {
        @Override
        public Map<String, Double> summary() {
            return Map.of();
        }

        @Override
        public List<View> views() {
            return List.of();
        }

        @Override
        public void save(Path directory) throws IOException {
            Files.writeString(directory.resolve("b.bin"), "b");
            Files.writeString(directory.resolve("B.bin"), "B");
            Files.writeString(directory.resolve("a_b.bin"), "a_b");
            Files.writeString(directory.resolve("ab.bin"), "ab");
        }

        @Override
        public void close() {}
    }

    @StoreTest
    void filesAreCheckedAndZippedInCodePointOrder(TestDatabase db) throws IOException {
        try (Database database = db.open()) {
            Jdbc jdbc = new Jdbc(database.dataSource());
            long id = StoredRuns.insert(jdbc, "SUCCEEDED");
            ArtifactStore store = new ArtifactStore(artifacts.resolve(db.kind().name()), jdbc);
            store.save(id, new Files3(), "{\"views\":[]}", "[]");
            assertThat(store.views(id)).hasValue("{\"views\":[]}");
            assertThat(store.modelDirectory(id)).isDirectory();

            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            store.writeZip(id, zip);
            List<String> entries = new ArrayList<>();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    entries.add(e.getName());
                }
            }
            String prefix = "experiment-" + id + "/";
            assertThat(entries)
                    .containsExactly(
                            prefix + "model/B.bin",
                            prefix + "model/a_b.bin",
                            prefix + "model/ab.bin",
                            prefix + "model/b.bin",
                            prefix + "predict-inputs.json",
                            prefix + "views.json");

            Path model = store.modelDirectory(id);
            Files.writeString(model.resolve("ab.bin"), "damaged");
            assertThatThrownBy(() -> store.modelDirectory(id)).hasMessageContaining("checksum mismatch");
            assertThatThrownBy(() -> store.writeZip(id, new ByteArrayOutputStream()))
                    .hasMessageContaining("model/ab.bin");
        }
    }
}
