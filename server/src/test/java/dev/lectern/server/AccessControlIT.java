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

/** With a token set, nothing is served without it; with it, pages and API work, and ?token= logs a browser in. */
class AccessControlIT {

    @Test
    void aTokenGuardsEveryRequest(@TempDir Path dataDir) throws Exception {
        try (TestServer server = TestServer.start(dataDir, "--token", "s3cret")) {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/plugins")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.body()).contains("access token");

            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(401);
            assertThat(page.body()).doesNotContain("Linear regression");

            HttpResponse<String> wrong = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/plugins"))
                    .header("Authorization", "Bearer guess").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(wrong.statusCode()).isEqualTo(401);

            HttpResponse<String> bearer = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/plugins"))
                    .header("Authorization", "Bearer s3cret").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bearer.statusCode()).isEqualTo(200);

            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/?token=s3cret")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).contains("lectern_token=s3cret").containsIgnoringCase("HttpOnly");
            HttpResponse<String> withCookie = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/experiments"))
                    .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(withCookie.statusCode()).isEqualTo(200);
        }
    }
}
