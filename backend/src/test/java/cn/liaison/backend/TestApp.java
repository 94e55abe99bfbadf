package cn.liaison.backend;

import cn.liaison.backend.config.AppConfig;
import cn.liaison.backend.config.ConfigLoader;
import cn.liaison.backend.http.Routes;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Starts the real application on a free port with its stores under a temporary directory. */
public final class TestApp implements AutoCloseable {

    private final Application app;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private TestApp(Application app) {
        this.app = app;
    }

    public static TestApp start(Path dataDir, Map<String, String> env, List<Routes> routes,
                                UnaryOperator<JsonObject> contractExtension) throws Exception {
        Map<String, String> all = new HashMap<>(env);
        all.put("HTTP_PORT", "0");
        all.put("HTTP_HOST", "127.0.0.1");
        all.put("DATA_DIR", dataDir.toString());
        AppConfig config = ConfigLoader.load(all);
        return new TestApp(Application.start(config, routes, contractExtension));
    }

    public static TestApp start(Path dataDir) throws Exception {
        return start(dataDir, Map.of(), List.of(), UnaryOperator.identity());
    }

    public Application app() {
        return app;
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

    @Override
    public void close() {
        app.stop();
    }
}
