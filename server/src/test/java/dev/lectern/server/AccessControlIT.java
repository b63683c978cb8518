package dev.lectern.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a token set, nothing is served without it; with it, pages and API work, and ?token= opens a server-side
 * session (the cookie holds a random id, never the token) and redirects to the address without the token.
 */
class AccessControlIT {

    @Test
    void aTokenGuardsEveryRequest(@TempDir Path dataDir) throws Exception {
        try (TestServer server = TestServer.start(dataDir, "--token", "s3cret")) {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> anonymous = client.send(
                    HttpRequest.newBuilder(URI.create(server.url() + "/api/plugins"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.body()).contains("access token");

            HttpResponse<String> page = client.send(
                    HttpRequest.newBuilder(URI.create(server.url() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(401);
            assertThat(page.body()).doesNotContain("Linear regression");

            HttpResponse<String> wrong = client.send(
                    HttpRequest.newBuilder(URI.create(server.url() + "/api/plugins"))
                            .header("Authorization", "Bearer guess")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(wrong.statusCode()).isEqualTo(401);

            HttpResponse<String> bearer = client.send(
                    HttpRequest.newBuilder(URI.create(server.url() + "/api/plugins"))
                            .header("Authorization", "Bearer s3cret")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(bearer.statusCode()).isEqualTo(200);

            HttpResponse<String> lowerCase = client.send(
                    HttpRequest.newBuilder(URI.create(server.url() + "/api/plugins"))
                            .header("Authorization", "bearer s3cret")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(lowerCase.statusCode())
                    .as("the scheme is case-insensitive")
                    .isEqualTo(200);

            HttpResponse<String> login = client.send(
                    HttpRequest.newBuilder(URI.create(server.url() + "/experiments?status=FAILED&token=s3cret&page=1"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode())
                    .as("?token= redirects to the address without it")
                    .isEqualTo(303);
            assertThat(login.headers().firstValue("Location").orElseThrow())
                    .isEqualTo("/experiments?status=FAILED&page=1");
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie)
                    .startsWith("lectern_session=")
                    .doesNotContain("s3cret")
                    .containsIgnoringCase("HttpOnly")
                    .containsIgnoringCase("SameSite=Strict");
            String session = cookie.substring(0, cookie.indexOf(';'));
            HttpResponse<String> withCookie = client.send(
                    HttpRequest.newBuilder(URI.create(server.url() + "/experiments"))
                            .header("Cookie", session)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(withCookie.statusCode()).isEqualTo(200);

            HttpResponse<String> forged = client.send(
                    HttpRequest.newBuilder(URI.create(server.url() + "/experiments"))
                            .header("Cookie", "lectern_session=s3cret")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).as("the token itself is no session").isEqualTo(401);

            server.restart();
            HttpResponse<String> afterRestart = client.send(
                    HttpRequest.newBuilder(URI.create(server.url() + "/experiments"))
                            .header("Cookie", session)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(afterRestart.statusCode())
                    .as("sessions live in the database")
                    .isEqualTo(200);
        }
    }
}
