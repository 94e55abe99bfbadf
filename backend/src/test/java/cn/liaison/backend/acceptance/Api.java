package cn.liaison.backend.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/** HTTP to the running jar, the way a client would call it: JSON, bearer tokens, no redirects followed. */
final class Api {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final Path demoAccounts;

    Api(String base, Path demoAccounts) {
        this.base = base;
        this.demoAccounts = demoAccounts;
    }

    URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return send(request, Duration.ofSeconds(30));
    }

    HttpResponse<String> send(HttpRequest.Builder request, Duration timeout) throws IOException, InterruptedException {
        return client.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> bytes(String path, String token) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** GET (no token when null); any status. */
    HttpResponse<String> get(String pathOrUrl, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    /** A JSON request (no token when null); any status. */
    HttpResponse<String> call(String method, String path, String token, JsonObject body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.encode()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    /** GET that must answer {@code 200}; its JSON. */
    /**
     * The request once it has been routed: assessment follows the acknowledged create, so this reads
     * it again (each a real round trip, no sleeping) until it has left RECEIVED, for at most 60 s.
     */
    JsonObject routed(String id, String token) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        JsonObject request = ok("/api/v1/requests/" + id, token);
        while ("RECEIVED".equals(request.getString("status")) && System.nanoTime() < deadline) {
            request = ok("/api/v1/requests/" + id, token);
        }
        return request;
    }

    JsonObject ok(String path, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path, token);
        assertEquals(200, response.statusCode(), "GET " + path + ": " + response.body());
        return new JsonObject(response.body());
    }

    /** A JSON request that must answer {@code status}; its JSON. */
    JsonObject expect(int status, String method, String path, String token, JsonObject body) throws IOException, InterruptedException {
        HttpResponse<String> response = call(method, path, token, body);
        assertEquals(status, response.statusCode(), method + " " + path + ": " + response.body());
        return new JsonObject(response.body());
    }

    /** Signs in with a demo account's password from {@code DATA_DIR/demo-accounts.json}. */
    String login(String username) throws IOException, InterruptedException {
        JsonObject account = new JsonArray(Files.readString(demoAccounts)).stream().map(JsonObject.class::cast)
                .filter(a -> username.equals(a.getString("username"))).findFirst()
                .orElseThrow(() -> new AssertionError("no demo account " + username + " in " + demoAccounts));
        return expect(200, "POST", "/api/v1/auth/login", null, new JsonObject().put("username", username)
                .put("password", account.getString("password"))).getString("token");
    }

    /**
     * Waits for an asynchronous effect (an outbox delivery, a re-index): asks again every 50 ms
     * until {@code probe} gives a non-null value or {@code within} has passed.
     */
    static <T> T eventually(String what, Duration within, Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("within " + within.toSeconds() + " s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
