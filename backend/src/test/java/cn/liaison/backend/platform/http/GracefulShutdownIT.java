package cn.liaison.backend.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On shutdown the server stops accepting connections but lets a request already running finish. */
class GracefulShutdownIT {

    @TempDir
    Path dataDir;

    @Test
    void inFlightRequestFinishesWhileNewConnectionsAreRefused() throws Exception {
        CompletableFuture<RoutingContext> inHandler = new CompletableFuture<>();
        Routes slow = builder -> builder.getRoute("testSlow").addHandler(inHandler::complete);
        TestApp app = TestApp.start(dataDir, Map.of(), List.of(slow), GracefulShutdownIT::withSlowOperation);
        int port = app.app().port();

        CompletableFuture<HttpResponse<String>> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().sendAsync(
                HttpRequest.newBuilder(app.uri("/api/v1/test/slow")).build(), HttpResponse.BodyHandlers.ofString());
        RoutingContext running = inHandler.get(10, TimeUnit.SECONDS);

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(app::close);
        awaitRefused(port);
        running.json(new JsonObject().put("finished", true));

        HttpResponse<String> finished = response.get(10, TimeUnit.SECONDS);
        assertEquals(200, finished.statusCode());
        assertTrue(new JsonObject(finished.body()).getBoolean("finished"));
        stopped.get(20, TimeUnit.SECONDS);
        assertThrows(ConnectException.class, () -> connect(port), "nothing listens after stop");
    }

    /**
     * Polls with connect attempts (each a real round trip, no sleeping) until the listener refuses
     * or resets them.
     */
    private static void awaitRefused(int port) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                connect(port);
            } catch (IOException refusedOrReset) {
                return;
            }
        }
        throw new AssertionError("server kept accepting connections after stop began");
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        }
    }

    static JsonObject withSlowOperation(JsonObject contract) {
        contract.getJsonObject("paths").put("/api/v1/test/slow", new JsonObject().put("get", new JsonObject()
                .put("operationId", "testSlow")
                .put("security", new JsonArray())
                .put("x-roles", new JsonArray().add("PUBLIC"))
                .put("responses", new JsonObject().put("200", new JsonObject().put("description", "ok")))));
        return contract;
    }
}
