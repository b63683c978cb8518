package dev.lectern.server.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.datasets.Checksums;
import dev.lectern.server.testing.Http;
import dev.lectern.server.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Uploading CSV files to the real server: storing, listing, describing, training, deleting and refusing them. */
class DatasetUploadIT {

    private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED");
    /** score = 2.5 · hours + 50, so the statistics are known exactly. */
    static final String EXAM = "# hours studied and the exam score\nhours,score\n1,52.5\n2,55\n3,57.5\n4,60\n5,62.5\n"
            + "6,65\n7,67.5\n8,70\n";

    @TempDir
    static Path dataDir;

    static TestServer server;
    static UploadClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir);
        client = new UploadClient(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @Timeout(180)
    void anUploadIsListedDescribedTrainableAndSurvivesARestart(@TempDir Path ownDataDir) throws Exception {
        try (TestServer own = TestServer.start(ownDataDir)) {
            UploadClient api = new UploadClient(own.url());
            UploadClient.Reply reply = api.upload("exam.csv", EXAM, "Exam scores", null);

            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            JsonNode created = reply.json();
            assertThat(created.get("id").asText()).isEqualTo("exam-scores");
            assertThat(created.get("title").asText()).isEqualTo("Exam scores");
            assertThat(created.get("uploaded").asBoolean()).isTrue();
            assertThat(created.get("rows").asInt()).isEqualTo(8);
            assertThat(created.get("fileName").asText()).isEqualTo("exam.csv");
            assertThat(created.has("owner"))
                    .as("an upload names its owner, none without accounts")
                    .isTrue();
            assertThat(created.get("owner").isNull()).isTrue();
            assertThat(created.get("columns").toString())
                    .isEqualTo("[{\"name\":\"hours\",\"role\":\"FEATURE\"},{\"name\":\"score\",\"role\":\"LABEL\"}]");
            assertStatsOfExam(created);

            Path stored = ownDataDir.resolve("uploads").resolve("exam-scores.csv");
            assertThat(stored).hasContent(EXAM);
            assertThat(Checksums.sha256(stored)).isEqualTo(created.get("sha256").asText());
            assertListed(api, "exam-scores");
            assertThat(api.get("/plugins/linear-regression").body())
                    .as("offered on the plugin page")
                    .contains("value=\"exam-scores\"");
            assertTrains(own, api, "exam-scores");

            own.restart();
            UploadClient after = new UploadClient(own.url());
            assertListed(after, "exam-scores");
            JsonNode described = after.get("/api/datasets/exam-scores").json();
            assertStatsOfExam(described);
            assertThat(described.get("sha256")).isEqualTo(created.get("sha256"));
            assertTrains(own, after, "exam-scores");
        }
    }

    private static void assertStatsOfExam(JsonNode dataset) {
        JsonNode hours = dataset.get("stats").get(0);
        JsonNode score = dataset.get("stats").get(1);
        assertThat(hours.get("name").asText()).isEqualTo("hours");
        assertThat(hours.get("role").asText()).isEqualTo("FEATURE");
        assertThat(hours.get("count").asInt()).isEqualTo(8);
        assertThat(hours.get("min").asDouble()).isEqualTo(1);
        assertThat(hours.get("max").asDouble()).isEqualTo(8);
        assertThat(hours.get("mean").asDouble()).isEqualTo(4.5);
        assertThat(hours.get("std").asDouble()).as("sample std of 1..8").isCloseTo(Math.sqrt(6), within(1e-9));
        assertThat(hours.get("missing").asInt()).isZero();
        assertThat(score.get("role").asText()).isEqualTo("LABEL");
        assertThat(score.get("min").asDouble()).isEqualTo(52.5);
        assertThat(score.get("max").asDouble()).isEqualTo(70);
        assertThat(score.get("mean").asDouble()).isEqualTo(61.25);
        assertThat(score.get("std").asDouble()).isCloseTo(2.5 * Math.sqrt(6), within(1e-9));
        assertThat(dataset.get("classes").isNull()).as("52.5 is not a class").isTrue();
        assertThat(dataset.get("unavailable").isNull()).isTrue();
        assertThat(dataset.get("plugins").toString()).contains("linear-regression");
    }

    private static void assertListed(UploadClient api, String id) {
        JsonNode list = api.get("/api/datasets").json();
        JsonNode item = find(list, id);
        assertThat(item.get("uploaded").asBoolean()).isTrue();
        assertThat(item.get("rows").asInt()).isEqualTo(8);
        assertThat(find(list, "xor").get("uploaded").asBoolean()).isFalse();
        assertThat(find(list, "three-blobs").get("rows").asInt()).isEqualTo(300);
        assertThat(list.get(list.size() - 1).get("id").asText())
                .as("uploads come after the built-ins")
                .isEqualTo(id);
    }

    private static void assertTrains(TestServer own, UploadClient api, String id) throws InterruptedException {
        UploadClient.Reply created =
                api.postJson("/api/experiments", "{\"plugin\":\"linear-regression\",\"dataset\":\"" + id + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode done = new Http(own.url())
                .awaitStatus(created.json().get("id").asLong(), FINAL::contains, Duration.ofSeconds(90));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("dataset").asText()).isEqualTo(id);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(
                        "ragged.csv", bytes("x,y\n1,2\n3,4,5\n"), "ragged.csv: line 3, column 3: expected 2 columns"),
                Arguments.of("short.csv", bytes("x,y\n1,2\n3\n"), "short.csv: line 3, column 2: expected 2 columns"),
                Arguments.of(
                        "text.csv", bytes("x,y\n1,2\n3,abc\n"), "text.csv: line 3, column 2: 'abc' is not a number"),
                Arguments.of(
                        "nan.csv", bytes("x,y\n1,NaN\n"), "nan.csv: line 2, column 2: 'NaN' is not a finite number"),
                Arguments.of(
                        "inf.csv", bytes("x,y\n1,2\n-inf,2\n"), "inf.csv: line 3, column 1: '-inf' is not a finite"),
                Arguments.of("empty.csv", new byte[0], "empty.csv: the file is empty"),
                Arguments.of("header.csv", bytes("x,y\n"), "header.csv: no data rows"),
                Arguments.of(
                        "nul.csv",
                        new byte[] {'x', ',', 'y', '\n', '1', 0, ',', '2', '\n'},
                        "nul.csv: line 2: not a text file"),
                Arguments.of(
                        "latin1.csv",
                        new byte[] {'x', ',', 'y', '\n', '1', ',', '2', '\n', '3', ',', (byte) 0xE9, '\n'},
                        "latin1.csv: line 3: not a text file"),
                Arguments.of(
                        "image.png",
                        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13},
                        "image.png: line 1: not a text file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedFilesAre400NamingTheLineAndColumnAndStoreNothing(String fileName, byte[] content, String message) {
        int before = client.get("/api/datasets").json().size();
        int filesBefore = storedCsvFiles(dataDir).size();

        UploadClient.Reply reply = client.upload(fileName, content, null, null);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("field").asText()).isEqualTo("file");
        assertThat(reply.json().get("error").asText()).startsWith(message);
        assertThat(client.get("/api/datasets").json().size())
                .as("nothing registered")
                .isEqualTo(before);
        assertThat(storedCsvFiles(dataDir)).as("no file kept").hasSize(filesBefore);
        assertThat(dataDir.resolve("uploads").resolve(".incoming")).isEmptyDirectory();
    }

    @Test
    void aLabelThatNamesNoColumnIs400OnTheLabelField() {
        UploadClient.Reply reply = client.upload("exam.csv", EXAM, null, "grade");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("field").asText()).isEqualTo("label");
        assertThat(reply.json().get("error").asText()).contains("hours, score").contains("'grade'");
    }

    @Test
    void theLabelCanBeChosenByNameOrNumber() {
        JsonNode byName = client.upload("exam.csv", EXAM, "by name", "hours").json();
        JsonNode byNumber = client.upload("exam.csv", EXAM, "by number", "1").json();

        assertThat(byName.get("columns").get(0).get("role").asText()).isEqualTo("LABEL");
        assertThat(byName.get("columns").get(1).get("role").asText()).isEqualTo("FEATURE");
        assertThat(byNumber.get("columns")).isEqualTo(byName.get("columns"));
    }

    @Test
    void requestsWithoutAFilePartAre400OnTheFileField() {
        UploadClient.Reply noFile = client.multipart("/api/datasets", null, new byte[0], Map.of("name", "nothing"));
        UploadClient.Reply json = client.postJson("/api/datasets", "{\"file\":\"1,2\"}");

        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.json().get("field").asText()).isEqualTo("file");
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.json().get("error").asText()).contains("multipart/form-data");
    }

    @Test
    void idsAreSlugsOfTheNameOrFileAndNeverTakeAnotherDataSetsId() {
        assertThat(client.upload("a.csv", EXAM, "XOR", null).json().get("id").asText())
                .as("xor is built in")
                .isEqualTo("xor-2");
        assertThat(client.upload("a.csv", EXAM, "XOR", null).json().get("id").asText())
                .isEqualTo("xor-3");
        assertThat(client.upload("Housing Prices 2024.csv", EXAM, null, null)
                        .json()
                        .get("id")
                        .asText())
                .isEqualTo("housing-prices-2024");
        assertThat(client.upload("a.csv", EXAM, "!!!", null).json().get("id").asText())
                .as("nothing to slug")
                .matches("upload-\\d+");
        JsonNode titled = client.upload("../../etc/passwd", EXAM, null, null).json();
        assertThat(titled.get("id").asText()).isEqualTo("passwd");
        assertThat(titled.get("fileName").asText()).isEqualTo("passwd");
        assertThat(dataDir.resolve("uploads").resolve("passwd.csv")).exists();
    }

    @Test
    void deletingAnUploadRemovesItsEntryRowAndFile() {
        String id = client.upload("gone.csv", EXAM, "To be deleted", null)
                .json()
                .get("id")
                .asText();
        Path file = dataDir.resolve("uploads").resolve(id + ".csv");
        assertThat(file).exists();

        UploadClient.Reply deleted = client.delete("/api/datasets/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(client.get("/api/datasets").json().findValuesAsText("id")).doesNotContain(id);
        assertThat(file).doesNotExist();
        assertThat(client.get("/api/datasets/" + id).status()).isEqualTo(404);
        assertThat(client.delete("/api/datasets/" + id).status()).isEqualTo(404);
        UploadClient.Reply train =
                client.postJson("/api/experiments", "{\"plugin\":\"linear-regression\",\"dataset\":\"" + id + "\"}");
        assertThat(train.status()).isEqualTo(400);
        assertThat(train.json().get("field").asText()).isEqualTo("dataset");
    }

    @Test
    void aTextUploadIsStoredAsTextCountedInCharactersAndDeletedWithItsFile() {
        Map<String, String> fields = new java.util.LinkedHashMap<>(UploadClient.fields("Sonnet", null));
        fields.put("kind", "text");
        String sonnet = "Shall I compare thee to a summer's day?\r\nThou art more lovely and more temperate.\r\n";

        UploadClient.Reply reply =
                client.multipart("/api/datasets", "sonnet.txt", sonnet.getBytes(StandardCharsets.UTF_8), fields);

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        String id = reply.json().get("id").asText();
        assertThat(reply.json().get("kind").asText()).isEqualTo("TEXT");
        assertThat(reply.json().get("rows").asLong())
                .as("characters, CRLF read as one")
                .isEqualTo(sonnet.length() - 2);
        assertThat(reply.json().get("plugins").toString())
                .as("plugins that train on text")
                .contains("\"char-rnn\"");
        Path file = dataDir.resolve("uploads").resolve(id + ".txt");
        assertThat(file).exists();

        assertThat(client.delete("/api/datasets/" + id).status()).isEqualTo(204);
        assertThat(file).doesNotExist();
    }

    @Test
    void aTextThatIsNotUtf8OrAnUnknownKindIsRefusedNamingTheProblem() {
        Map<String, String> text = new java.util.LinkedHashMap<>(UploadClient.fields(null, null));
        text.put("kind", "text");
        UploadClient.Reply latin1 =
                client.multipart("/api/datasets", "latin1.txt", new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'}, text);
        assertThat(latin1.status()).isEqualTo(400);
        assertThat(latin1.json().get("error").asText()).contains("line 1").contains("not UTF-8");

        Map<String, String> odd = new java.util.LinkedHashMap<>(UploadClient.fields(null, null));
        odd.put("kind", "video");
        UploadClient.Reply unknown =
                client.multipart("/api/datasets", "a.txt", "abc".getBytes(StandardCharsets.UTF_8), odd);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asText()).isEqualTo("kind");
        assertThat(unknown.json().get("error").asText()).contains("table or text");
    }

    @Test
    void builtInDataSetsCannotBeDeletedAndUnknownOnesAreNotFound() {
        UploadClient.Reply builtIn = client.delete("/api/datasets/xor");

        assertThat(builtIn.status()).isEqualTo(409);
        assertThat(builtIn.json().get("error").asText()).contains("built in");
        assertThat(client.get("/api/datasets").json().findValuesAsText("id")).contains("xor");
        assertThat(client.delete("/api/datasets/no-such-data").status()).isEqualTo(404);
        assertThat(client.get("/api/datasets/no-such-data").status()).isEqualTo(404);
    }

    @Test
    @Timeout(120)
    void aDamagedFileIsRefusedWithAClearErrorInsteadOfTrainedOn() throws Exception {
        String id = client.upload("damaged.csv", EXAM, "Damaged later", null)
                .json()
                .get("id")
                .asText();
        Files.writeString(dataDir.resolve("uploads").resolve(id + ".csv"), EXAM.replace("70", "71"));

        assertThat(client.get("/api/datasets/" + id).json().get("unavailable").asText())
                .contains("is damaged (checksum mismatch")
                .contains("upload it again");
        long experiment = client.postJson(
                        "/api/experiments", "{\"plugin\":\"linear-regression\",\"dataset\":\"" + id + "\"}")
                .json()
                .get("id")
                .asLong();
        JsonNode done = new Http(server.url()).awaitStatus(experiment, FINAL::contains, Duration.ofSeconds(60));
        assertThat(done.get("status").asText()).isEqualTo("FAILED");
        assertThat(done.get("error").asText())
                .contains("data set '" + id + "' is not available: its file " + id + ".csv is damaged");
    }

    @Test
    void theColumnsEndpointGivesTheScatterPlotsPointsAndClasses() {
        JsonNode blobs = client.get("/api/datasets/three-blobs/columns").json();
        assertThat(blobs.get("x").get("name").asText()).isEqualTo("x1");
        assertThat(blobs.get("y").get("name").asText()).isEqualTo("x2");
        assertThat(blobs.get("points")).hasSize(300);
        assertThat(blobs.get("classes")).hasSize(300);
        assertThat(blobs.get("classes").get(2).asInt()).isEqualTo(2);
        assertThat(blobs.get("label").asText()).isEqualTo("class");

        JsonNode chosen = client.get("/api/datasets/ex1data1/columns?x=2&y=population%20(10,000s)")
                .json();
        assertThat(chosen.get("x").get("number").asInt()).isEqualTo(2);
        assertThat(chosen.get("y").get("number").asInt()).isEqualTo(1);
        assertThat(chosen.get("points").get(0).get(1).asDouble()).isCloseTo(6.1101, within(1e-4));
        assertThat(chosen.get("classes").isNull()).isTrue();

        UploadClient.Reply bad = client.get("/api/datasets/xor/columns?x=9");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("x");
    }

    @Test
    void theUploadFormRedirectsToTheNewDataSetOrShowsTheErrorOnThePage() {
        UploadClient.Reply ok = client.multipart("/datasets", "form.csv", bytes(EXAM), Map.of("name", "From the form"));
        assertThat(ok.status()).isEqualTo(303);
        assertThat(ok.location()).endsWith("/datasets/from-the-form");
        String page = client.get("/datasets/from-the-form").body();
        assertThat(page).contains("id=\"rows\"", "id=\"stats\"", "id=\"scatter\"", "id=\"delete-form\"", "52.5");

        UploadClient.Reply bad = client.multipart(
                "/datasets", "bad.csv", bytes("x,y\n1,<b>2</b>\n"), Map.of("name", "typed <name>", "label", "y"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body())
                .contains("<p class=\"field-error\" id=\"error-file\" role=\"alert\">bad.csv: line 2, column 2: ")
                .contains("&lt;b&gt;2&lt;/b&gt;")
                .doesNotContain("<b>2</b>");
        assertThat(bad.body()).as("typed values are kept").contains("value=\"typed &lt;name>\"", "value=\"y\"");

        UploadClient.Reply builtIn = client.multipart("/datasets/xor/delete", null, new byte[0], Map.of());
        assertThat(builtIn.status()).isEqualTo(409);
    }

    @Test
    @Timeout(120)
    void overTheLimitIs413WithoutTheServerReadingTheBody(@TempDir Path smallDataDir) throws Exception {
        try (TestServer small = TestServer.start(smallDataDir, "--max-upload-mb", "1")) {
            int port = Integer.parseInt(small.url().substring(small.url().lastIndexOf(':') + 1));

            // A declared 200 MB body: the answer comes after 4 KB of it, so the server cannot have read the rest.
            RawUpload.Answer declared = RawUpload.declaringLength(port, 200L * 1024 * 1024, 4096);
            assertThat(declared.statusLine()).startsWith("HTTP/1.1 413");
            assertThat(declared.body()).contains("\"field\":\"file\"").contains("upload limit of 1 MB");

            // No declared length: the server reads to its cap (1 MB and a little) and stops.
            RawUpload.Answer chunked = RawUpload.chunked(port, 64 * 1024, 16L * 1024 * 1024);
            assertThat(chunked.statusLine()).startsWith("HTTP/1.1 413");
            assertThat(chunked.sentBytes()).as("stopped long before 16 MB").isLessThan(3L * 1024 * 1024);

            // An ordinary client sending a 3 MB file whole gets the 413 too.
            UploadClient api = new UploadClient(small.url());
            UploadClient.Reply whole = api.upload("big.csv", bytes("1,2\n".repeat(3 * 1024 * 1024 / 4)), null, null);
            assertThat(whole.status()).isEqualTo(413);
            assertThat(whole.json().get("field").asText()).isEqualTo("file");

            UploadClient.Reply fits = api.upload("fits.csv", bytes("x,y\n" + "1,2\n".repeat(200_000)), null, null);
            assertThat(fits.status()).as("800 KB is under 1 MB").isEqualTo(201);
            assertThat(storedCsvFiles(smallDataDir)).containsExactly("fits.csv");
            assertThat(incomingEmptiesWithin(
                            smallDataDir.resolve("uploads").resolve(".incoming"), Duration.ofSeconds(10)))
                    .as("Jetty's multipart spool files are gone once the requests completed")
                    .isTrue();
        }
    }

    /** Jetty deletes a request's spooled parts when the request completes, which may be just after the reply. */
    private static boolean incomingEmptiesWithin(Path dir, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try (Stream<Path> files = Files.list(dir)) {
                if (files.findAny().isEmpty()) {
                    return true;
                }
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
    }

    private static List<String> storedCsvFiles(Path dir) {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("uploads"))) {
            files.filter(Files::isRegularFile)
                    .forEach(f -> names.add(f.getFileName().toString()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return names;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode item : array) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no " + id + " in " + array);
    }
}
