package dev.lectern.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.server.testing.Http;
import dev.lectern.server.testing.RawHttp;
import dev.lectern.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of generated requests against every API route, from a fixed seed so a failure repeats: bodies that are
 * garbage, truncated, of the wrong types, or nearly valid; ids and query values of every odd kind; foreign
 * origins, hosts and content types. No answer is a 5xx, the server stays healthy, and the only rows that change
 * are those of requests it accepted.
 */
class ApiFuzzIT {

    private static final long SEED = 20261202L;
    private static final int REQUESTS = 5000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String[] ROUTES = {
        "GET /api/plugins",
        "POST /api/plugins/rescan",
        "GET /api/datasets",
        "POST /api/datasets",
        "GET /api/datasets/{s}",
        "GET /api/datasets/{s}/columns",
        "DELETE /api/datasets/{s}",
        "POST /api/experiments",
        "GET /api/experiments",
        "GET /api/experiments/export.csv",
        "GET /api/experiments/export.json",
        "GET /api/experiments/metrics.csv",
        "GET /api/compare",
        "GET /api/experiments/{id}",
        "PATCH /api/experiments/{id}",
        "DELETE /api/experiments/{id}",
        "GET /api/experiments/{id}/artifacts.zip",
        "GET /api/experiments/{id}/metrics",
        "GET /api/experiments/{id}/texts",
        "GET /api/experiments/{id}/events",
        "POST /api/experiments/{id}/cancel",
        "POST /api/experiments/{id}/predict",
        "POST /api/sweeps",
        "GET /api/sweeps/{id}",
        "POST /api/sweeps/{id}/cancel",
        "PUT /api/experiments/{id}",
        "GET /api/{s}",
        "GET /experiments/{id}",
        "GET /plugins/{s}",
        "GET /sweeps/{id}",
        "GET /datasets/{s}",
        "GET /compare",
        // Routes added after the first fuzz run: training control, workers, system, lessons, accounts and sessions.
        "POST /api/experiments/{id}/control",
        "GET /api/workers",
        "GET /workers",
        "GET /api/system",
        "GET /system",
        "GET /api/lessons",
        "POST /api/lessons",
        "GET /api/lessons/{id}",
        "POST /api/lessons/{id}/open",
        "POST /api/lessons/{id}/close",
        "GET /api/lessons/{id}/class",
        "GET /api/lessons/{id}/class.csv",
        "GET /api/lessons/{id}/events",
        "POST /api/l/{s}/run",
        "GET /l/{s}",
        "GET /lessons",
        "GET /api/session",
        "POST /api/session",
        "DELETE /api/session",
        "GET /api/users",
        "POST /api/users",
        "POST /api/users/{s}/reset",
        "POST /api/experiments/{id}/gradient-check",
    };
    private static final String[] QUERY = {
        "page",
        "size",
        "plugin",
        "dataset",
        "status",
        "tag",
        "q",
        "sort",
        "dir",
        "ids",
        "maxPoints",
        "limit",
        "x",
        "y",
        "metric",
        "owner",
        "hp",
        "group",
        "colorBy"
    };
    private static final String[] PLUGINS = {
        "linear-regression",
        "logistic-regression",
        "softmax-regression",
        "mlp",
        "cnn",
        "char-rnn",
        "lstm-forecaster",
        "nope",
        ""
    };
    private static final String[] DATASETS = {
        "ex1data1", "ex2data1", "xor", "hello", "mnist", "data-04-zoo", "linear-synthetic", "nope", ""
    };
    private static final String[] PARAMS = {
        "learningRate",
        "epochs",
        "batchSize",
        "seed",
        "optimizer",
        "hiddenSize",
        "dropout",
        "standardize",
        "digit",
        "x1",
        "temperature",
        "preset"
    };

    private final Random random = new Random(SEED);

    @Test
    @Timeout(900)
    void generatedRequestsNeverCrashTheServerOrChangeWhatTheyWereRefused(@TempDir Path dataDir) throws Exception {
        try (TestServer server = TestServer.start(
                dataDir, "--concurrency", "1", "--max-queued", "30", "--max-run-examples", "2000000")) {
            Http http = new Http(server.url());
            long known = http.post(
                            "/api/experiments",
                            "{\"plugin\":\"linear-regression\",\"dataset\":\"linear-synthetic\","
                                    + "\"params\":{\"epochs\":5}}")
                    .json()
                    .get("id")
                    .asLong();
            http.awaitStatus(known, "SUCCEEDED"::equals, Duration.ofSeconds(60));
            long runsBefore = count(http, "/api/experiments?size=1");
            int datasetsBefore = http.get("/api/datasets").json().size();
            long created = 0;
            long deleted = 0;
            List<String> failures = new ArrayList<>();
            java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
            for (int i = 0; i < REQUESTS; i++) {
                String route = pick(ROUTES);
                String method = route.substring(0, route.indexOf(' '));
                String path = route.substring(route.indexOf(' ') + 1)
                        .replace("{id}", id(known))
                        .replace("{s}", word());
                if (random.nextInt(3) == 0) {
                    path += query();
                }
                String headers = headers(server.port(), method);
                String body = method.equals("GET") || method.equals("DELETE") ? null : body(path);
                RawHttp.Answer answer =
                        RawHttp.send(server.port(), method + " " + path + " HTTP/1.1\n" + headers, body);
                statuses.merge(answer.status(), 1, Integer::sum);
                if (answer.status() >= 500) {
                    failures.add(method + " " + path + " " + headers.replace('\n', '|') + " " + body + " -> "
                            + answer.status() + " " + answer.body());
                }
                if (answer.status() == 201 && (path.startsWith("/api/experiments") || path.startsWith("/api/l/"))) {
                    created++;
                } else if (answer.status() == 201 && path.startsWith("/api/sweeps")) {
                    created += MAPPER.readTree(answer.body()).get("total").asLong();
                } else if (answer.status() == 204 && method.equals("DELETE") && path.startsWith("/api/experiments/")) {
                    deleted++;
                }
                if (path.startsWith("/api/") && answer.status() >= 400 && answer.status() != 431) {
                    JsonNode error = MAPPER.readTree(answer.body());
                    assertThat(error.has("error"))
                            .as("%s %s -> %s", method, path, answer.body())
                            .isTrue();
                }
            }
            System.out.println("FUZZ " + REQUESTS + " requests, answers by status: " + statuses + "; runs created "
                    + created + ", deleted " + deleted);
            assertThat(failures).as("answers of 500 or more").isEmpty();
            assertThat(http.get("/api/plugins").status()).as("still healthy").isEqualTo(200);
            assertThat(count(http, "/api/experiments?size=1"))
                    .as("runs: only accepted requests changed them")
                    .isEqualTo(runsBefore + created - deleted);
            assertThat(http.get("/api/datasets").json().size()).isEqualTo(datasetsBefore);
            for (JsonNode run : http.get("/api/experiments?size=200").json().get("items")) {
                String status = run.get("status").asText();
                if (status.equals("QUEUED") || status.equals("RUNNING")) {
                    http.post("/api/experiments/" + run.get("id").asLong() + "/cancel", "");
                }
            }
        }
    }

    private static long count(Http http, String path) {
        return http.get(path).json().get("total").asLong();
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private String id(long known) {
        return switch (random.nextInt(10)) {
            case 0 -> "0";
            case 1 -> "-1";
            case 2 -> "99999999999999999999";
            case 3 -> "abc";
            case 4 -> "%00";
            case 5 -> "..%2f";
            case 6 -> "1e3";
            case 7 -> "%E2%98%83";
            default -> Long.toString(known + random.nextInt(5) - 1);
        };
    }

    private String word() {
        return switch (random.nextInt(6)) {
            case 0 -> pick(DATASETS);
            case 1 -> pick(PLUGINS);
            case 2 -> "%2e%2e%2fetc%2fpasswd";
            case 3 -> "x".repeat(random.nextInt(3000));
            case 4 -> "%C0%AF";
            default -> Integer.toString(random.nextInt(100));
        };
    }

    private String query() {
        StringBuilder q = new StringBuilder("?");
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            q.append(i == 0 ? "" : "&")
                    .append(pick(QUERY))
                    .append('=')
                    .append(
                            switch (random.nextInt(9)) {
                                case 0 -> "-1";
                                case 1 -> "0";
                                case 2 -> "999999999999";
                                case 3 -> "1,2,3";
                                case 4 -> "last:loss";
                                case 5 -> "%27%3B--";
                                // Hyperparameter conditions, well formed and not (hp, group, colorBy).
                                case 6 -> "epochs%3E%3D10%2ClearningRate%3D%3E1";
                                case 7 -> "%22a%2Cb%22%3D%3D%3D%22";
                                default -> word();
                            });
        }
        return q.toString();
    }

    private String headers(int port, String method) {
        StringBuilder h = new StringBuilder("Host: ");
        h.append(random.nextInt(20) == 0 ? "evil.example" : "127.0.0.1:" + port);
        switch (random.nextInt(12)) {
            case 0 -> h.append("\nOrigin: http://evil.example");
            case 1 -> h.append("\nOrigin: null");
            case 2 -> h.append("\nSec-Fetch-Site: cross-site");
            case 3 -> h.append("\nOrigin: http://127.0.0.1:").append(port);
            default -> {}
        }
        if (!method.equals("GET")) {
            h.append("\nContent-Type: ")
                    .append(
                            switch (random.nextInt(8)) {
                                case 0 -> "text/plain";
                                case 1 -> "application/x-www-form-urlencoded";
                                case 2 -> "multipart/form-data; boundary=zz";
                                default -> "application/json";
                            });
        }
        if (random.nextInt(4) == 0) {
            h.append("\nAccept: ").append(random.nextBoolean() ? "text/event-stream" : "text/html");
        }
        return h.toString();
    }

    private String body(String path) {
        switch (random.nextInt(10)) {
            case 0:
                return "";
            case 1:
                return "{\"plugin\":";
            case 2:
                return "[1,2,3]";
            case 3:
                return new String(randomBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            case 4:
                return "null";
            default:
                return MAPPER.valueToTree(nearlyValid(path)).toString();
        }
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (32 + (bytes[i] & 0x5f));
        }
        return bytes;
    }

    private Object nearlyValid(String path) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        if (random.nextInt(6) == 0) {
            // Valid, with values anywhere in their ranges: these must be accepted (or refused by a quota) and counted.
            body.put("plugin", "linear-regression");
            body.put("dataset", "linear-synthetic");
            java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
            params.put("epochs", 1 + random.nextInt(random.nextBoolean() ? 20 : 1_000_000));
            params.put("learningRate", Math.pow(10, -random.nextInt(5)));
            body.put("params", params);
            if (path.contains("/api/sweeps")) {
                body.put("grid", java.util.Map.of("learningRate", List.of(0.01, 0.02)));
            }
            return body;
        }
        if (random.nextInt(4) > 0) {
            body.put("plugin", value(pick(PLUGINS)));
        }
        if (random.nextInt(4) > 0) {
            body.put("dataset", value(pick(DATASETS)));
        }
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            params.put(pick(PARAMS), value(null));
        }
        body.put(random.nextInt(6) == 0 ? "grid" : "params", random.nextInt(8) == 0 ? value(null) : params);
        if (path.contains("/api/sweeps")) {
            java.util.Map<String, Object> grid = new java.util.LinkedHashMap<>();
            grid.put(
                    pick(PARAMS),
                    random.nextBoolean() ? java.util.Arrays.asList(value(null), value(null)) : value(null));
            body.put("grid", grid);
        }
        if (random.nextBoolean()) {
            body.put(pick(new String[] {"name", "tags", "notes", "device", "digit", "x1"}), value(null));
        }
        return body;
    }

    private Object value(Object fallback) {
        return switch (random.nextInt(12)) {
            case 0 -> null;
            case 1 -> random.nextInt(2000) - 1000;
            case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            case 3 -> "NaN";
            case 4 -> java.util.Arrays.asList(1, "a", null, List.of());
            case 5 -> java.util.Map.of("x", 1);
            case 6 -> random.nextBoolean();
            case 7 -> ">".repeat(random.nextInt(6000));
            case 8 -> "gpu:" + random.nextInt(9);
            case 9 -> "<script>alert(1)</script>";
            default -> fallback == null ? Integer.toString(random.nextInt(50)) : fallback;
        };
    }
}
