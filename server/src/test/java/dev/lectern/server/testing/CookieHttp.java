package dev.lectern.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Requests as a signed-in person: the session cookie on each, JSON bodies, answers kept whole. */
public final class CookieHttp {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * An answer.
     *
     * @param status the status code
     * @param body the body as text
     * @param raw the whole response, for its headers
     */
    public record Answer(int status, String body, HttpResponse<String> raw) {
        /** The body parsed as JSON. */
        public JsonNode json() throws Exception {
            return MAPPER.readTree(body);
        }
    }

    private CookieHttp() {}

    /**
     * Signs in and returns the session cookie ({@code name=value}).
     *
     * @param base the server's base URL
     * @param user the account
     * @param password its password
     * @return the cookie
     */
    public static String signIn(String base, String user, String password) throws Exception {
        Answer answer = send(
                base,
                "POST",
                "/api/session",
                null,
                MAPPER.writeValueAsString(java.util.Map.of("user", user, "password", password)));
        if (answer.status() != 200) {
            throw new AssertionError("sign-in of " + user + " answered " + answer.status() + ": " + answer.body());
        }
        String cookie = answer.raw().headers().firstValue("Set-Cookie").orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    /**
     * Sends a request.
     *
     * @param base the server's base URL
     * @param method the method
     * @param path the path and query
     * @param cookie the session cookie, or null
     * @param body a JSON body, or null
     * @return the answer
     */
    public static Answer send(String base, String method, String path, String cookie, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (path.endsWith("/events")) {
            request.header("Accept", "text/event-stream");
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response);
    }
}
