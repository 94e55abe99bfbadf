package cn.liaison.backend;

import cn.liaison.backend.config.AppConfig;
import cn.liaison.backend.config.ConfigLoader;
import cn.liaison.backend.platform.http.Routes;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Starts the real application on a free port with its stores under a temporary directory. */
public final class TestApp implements AutoCloseable {

    private final Application app;
    private final Path dataDir;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Assessment events by request id: assessment runs after the create is acknowledged. */
    private final Map<String, java.util.concurrent.CompletableFuture<JsonObject>> assessed = new java.util.concurrent.ConcurrentHashMap<>();

    private TestApp(Application app, Path dataDir) {
        this.app = app;
        this.dataDir = dataDir;
        app.platform().ports().find(cn.liaison.backend.request.RequestModule.class).ifPresent(module ->
                module.addListener((request, action) -> {
                    if (action == cn.liaison.backend.request.Action.ASSESS) {
                        assessment(request.getString("_id")).complete(request);
                    }
                }));
    }

    private java.util.concurrent.CompletableFuture<JsonObject> assessment(String requestId) {
        return assessed.computeIfAbsent(requestId, id -> new java.util.concurrent.CompletableFuture<>());
    }

    /**
     * Waits for the request's assessment to be stored (its ASSESS change event, which follows the
     * acknowledged create) and returns the request as stored then.
     */
    public JsonObject awaitAssessed(String requestId) throws Exception {
        return assessment(requestId).get(60, java.util.concurrent.TimeUnit.SECONDS);
    }

    public static TestApp start(Path dataDir, Map<String, String> env, List<Routes> routes,
                                UnaryOperator<JsonObject> contractExtension) throws Exception {
        return start(dataDir, env, StartOptions.defaults().withRoutes(routes, contractExtension));
    }

    /**
     * With options, e.g. {@code StartOptions.defaults().withClock(clock)}. {@code DEMO} is on
     * unless {@code env} says otherwise: most tests act as the demo people.
     */
    public static TestApp start(Path dataDir, Map<String, String> env, StartOptions options) throws Exception {
        Map<String, String> all = new HashMap<>();
        all.put("DEMO", "on");
        all.putAll(env);
        all.putIfAbsent("HTTP_PORT", "0"); // a fixed port only where a caller needs the edge as shipped (one verticle a core)
        all.put("HTTP_HOST", "127.0.0.1");
        all.put("DATA_DIR", dataDir.toString());
        AppConfig config = ConfigLoader.load(all);
        return new TestApp(Application.start(config, options), dataDir);
    }

    public static TestApp start(Path dataDir) throws Exception {
        return start(dataDir, Map.of(), List.of(), UnaryOperator.identity());
    }

    public Application app() {
        return app;
    }

    /** A port a feature published (e.g. {@code RequestModule.class}). */
    public <T> T port(Class<T> type) {
        return app.platform().ports().require(type);
    }

    /** One pass of a background job by name (tests start with timers off), e.g. {@code "outbox"}, {@code "sla"}. */
    public io.vertx.core.Future<Integer> runJob(String name) {
        return app.platform().jobs().run(name);
    }

    /** Completes once the knowledge-base index is built. */
    public io.vertx.core.Future<cn.liaison.kb.KnowledgeBase> knowledgeBase() {
        return port(cn.liaison.backend.kb.KbModule.class).knowledgeBase();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** GET with {@code Authorization: Bearer token}. */
    public HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET());
    }

    /** A JSON request with {@code Authorization: Bearer token} (none when token is null). */
    public HttpResponse<String> sendJson(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    /** The demo accounts written on the first embedded start: {@code [{username, password, role, unitId}]}. */
    public JsonArray demoAccounts() throws IOException {
        return new JsonArray(Files.readString(dataDir.resolve("demo-accounts.json")));
    }

    /** Logs in as a demo account (e.g. {@code "pukou-liaison-1"}) and returns the token. */
    public String loginAs(String username) throws IOException, InterruptedException {
        String password = demoAccounts().stream()
                .map(JsonObject.class::cast)
                .filter(a -> a.getString("username").equals(username))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo account " + username))
                .getString("password");
        HttpResponse<String> response = sendJson("POST", "/api/v1/auth/login", null,
                new JsonObject().put("username", username).put("password", password).encode());
        if (response.statusCode() != 200) {
            throw new AssertionError("login as " + username + " failed: " + response.body());
        }
        return new JsonObject(response.body()).getString("token");
    }

    /**
     * A token for {@code who}, first storing a matching account (no usable password) when none has
     * that id: tokens are honoured only for existing, active accounts.
     */
    public String tokenFor(cn.liaison.backend.platform.auth.Principal who) throws Exception {
        JsonObject doc = new JsonObject().put("_id", who.userId())
                .put("username", who.userId().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-") + "-t")
                .put("name", who.name()).put("roles", new JsonArray(who.roles().stream().map(Enum::name).toList()))
                .put("unitId", who.unitId()).put("enterpriseId", who.enterpriseId()).put("passwordHash", "none").put("active", true);
        app.platform().stores().mongo().save("users", doc).await(10, java.util.concurrent.TimeUnit.SECONDS);
        return app.platform().ports().require(cn.liaison.backend.identity.Tokens.class).issue(who).await(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        app.stop();
    }
}
