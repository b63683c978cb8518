package dev.lectern.server.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.plugin.api.Column;
import dev.lectern.plugin.api.ColumnRole;
import dev.lectern.plugin.api.DataFacts;
import dev.lectern.plugin.api.DatasetKind;
import dev.lectern.server.store.Database;
import dev.lectern.server.store.Jdbc;
import dev.lectern.server.testing.StoreTest;
import dev.lectern.server.testing.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Uploads and their columns, the same on H2 and PostgreSQL. */
class UploadRepositoryTest {

    private static final Instant T = Instant.parse("2026-03-01T10:15:30.123456Z");

    private static UploadedDataset upload(String id, Instant at, List<Column> columns, DatasetKind kind) {
        return new UploadedDataset(
                id, "Title " + id, id + ".csv", "a".repeat(64), 1234, 97, ';', true, columns, at, kind);
    }

    @StoreTest
    void uploadsAreStoredListedOldestFirstAndDeleted(TestDatabase db) {
        try (Database database = db.open()) {
            UploadRepository repo = new UploadRepository(new Jdbc(database.dataSource()));
            List<Column> columns = List.of(
                    new Column("size", ColumnRole.FEATURE),
                    new Column("note", ColumnRole.IGNORED),
                    new Column("price", ColumnRole.LABEL));
            repo.insert(upload("houses", T, columns, DatasetKind.TABLE));
            // Same time: by id, by code point ("Z" before "a").
            repo.insert(upload("b-text", T.plusSeconds(60), List.of(), DatasetKind.TEXT));
            repo.insert(
                    upload("Zed", T.plusSeconds(60), List.of(new Column("x", ColumnRole.FEATURE)), DatasetKind.TABLE));
            repo.insert(upload("a-old", T.minusSeconds(60), List.of(), DatasetKind.TEXT));

            UploadedDataset houses = repo.find("houses").orElseThrow();
            assertThat(houses)
                    .isEqualTo(upload("houses", T.truncatedTo(ChronoUnit.MICROS), columns, DatasetKind.TABLE));
            assertThat(houses.delimiter()).isEqualTo(';');
            assertThat(houses.hasHeader()).isTrue();
            assertThat(repo.all()).extracting(UploadedDataset::id).containsExactly("a-old", "houses", "Zed", "b-text");
            assertThat(repo.all().get(2).columns()).containsExactly(new Column("x", ColumnRole.FEATURE));
            assertThat(repo.exists("houses")).isTrue();
            assertThat(repo.exists("HOUSES")).isFalse();
            assertThat(repo.find("nothing")).isEmpty();
            assertThatThrownBy(() -> repo.insert(upload("houses", T, List.of(), DatasetKind.TABLE)))
                    .as("ids are unique")
                    .isInstanceOf(RuntimeException.class);

            assertThat(repo.delete("houses")).isTrue();
            assertThat(repo.delete("houses")).isFalse();
            assertThat(repo.find("houses")).isEmpty();
            assertThat(repo.all()).extracting(UploadedDataset::id).containsExactly("a-old", "Zed", "b-text");
        }
    }

    @StoreTest
    void labelFactsAreKeptAndFilledInForOlderUploads(TestDatabase db) {
        try (Database database = db.open()) {
            UploadRepository repo = new UploadRepository(new Jdbc(database.dataSource()));
            List<Column> columns = List.of(
                    new Column("x1", ColumnRole.FEATURE),
                    new Column("x2", ColumnRole.FEATURE),
                    new Column("kind", ColumnRole.LABEL));
            DataFacts three = DataFacts.classes(2, 97, List.of(0, 1, 2));
            repo.insert(upload("kinds", T, columns, DatasetKind.TABLE).withFacts(three));
            DataFacts range = DataFacts.continuous(2, 97, -2.5, 1e6);
            repo.insert(upload("prices", T, columns, DatasetKind.TABLE).withFacts(range));
            repo.insert(upload("text", T, List.of(), DatasetKind.TEXT).withFacts(DataFacts.unlabelled(0, 97)));
            repo.insert(upload("older", T, columns, DatasetKind.TABLE));

            assertThat(repo.find("kinds").orElseThrow().facts()).isEqualTo(three);
            assertThat(repo.find("kinds").orElseThrow().spec().info().facts())
                    .as("the catalog entry carries them to plugins")
                    .isEqualTo(three);
            assertThat(repo.find("prices").orElseThrow().facts()).isEqualTo(range);
            assertThat(repo.find("text").orElseThrow().facts()).isEqualTo(DataFacts.unlabelled(0, 97));
            assertThat(repo.find("older").orElseThrow().facts()).isEqualTo(DataFacts.UNKNOWN);

            repo.storeFacts("older", DataFacts.binary(2, 97));
            assertThat(repo.all())
                    .filteredOn(u -> u.id().equals("older"))
                    .singleElement()
                    .extracting(UploadedDataset::facts)
                    .isEqualTo(DataFacts.binary(2, 97));
        }
    }
}
