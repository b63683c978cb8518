package dev.lectern.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.server.testing.Http;
import dev.lectern.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Plugins that run too long or ignore cancellation cannot hold a worker forever. */
class TimeLimitIT {

    private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED");

    @TempDir
    static Path dataDir;

    static TestServer server;
    static Http http;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir, "--time-limit", "2s");
        http = new Http(server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @Timeout(60)
    void aCooperativeRunPastTheLimitStopsAtItsNextStepAndFails() throws Exception {
        long id = create(
                "{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\",\"params\":{\"epochs\":150000,\"batchSize\":1}}");
        JsonNode done = http.awaitStatus(id, FINAL::contains, Duration.ofSeconds(20));
        assertThat(done.get("status").asText()).isEqualTo("FAILED");
        assertThat(done.get("error").asText()).isEqualTo("exceeded the time limit of 2 s (setting --time-limit)");
    }

    @Test
    @Timeout(90)
    void aPluginIgnoringTheLimitIsAbandonedAndTheWorkerMovesOn() throws Exception {
        long stubborn = create("{\"plugin\":\"stubborn-test\",\"dataset\":\"ex1data1\",\"params\":{\"seconds\":40}}");
        JsonNode done = http.awaitStatus(stubborn, FINAL::contains, Duration.ofSeconds(30));
        assertThat(done.get("status").asText()).isEqualTo("FAILED");
        assertThat(done.get("error").asText())
                .contains("exceeded the time limit of 2 s")
                .contains("abandoned");
        long after = create("{\"plugin\":\"linear-regression\",\"dataset\":\"ex1data1\"}");
        assertThat(http.awaitStatus(after, FINAL::contains, Duration.ofSeconds(30))
                        .get("status")
                        .asText())
                .isEqualTo("SUCCEEDED");
    }

    private static long create(String body) {
        Http.Response response = http.post("/api/experiments", body);
        assertThat(response.status()).as(response.json().toString()).isEqualTo(201);
        return response.json().get("id").asLong();
    }
}
