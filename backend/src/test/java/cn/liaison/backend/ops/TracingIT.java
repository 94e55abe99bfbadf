package cn.liaison.backend.ops;

import cn.liaison.backend.platform.telemetry.RequestContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.TestApp;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traces leave the service over OTLP/HTTP when configured: a loopback collector receives the
 * server span of a request, which carries the request id, and the response names the trace id.
 */
class TracingIT {

    @TempDir
    Path dir;

    @Test
    void aRequestsSpanReachesTheCollectorWithItsRequestId() throws Exception {
        List<byte[]> exports = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> seen = new CompletableFuture<>();
        String[] wanted = new String[1];
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            exports.add(body);
            if (wanted[0] != null && contains(body, HexFormat.of().parseHex(wanted[0]))
                    && contains(body, "trace-test-0001".getBytes(StandardCharsets.UTF_8))) {
                seen.complete(null);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        try (TestApp app = TestApp.start(dir, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT",
                "http://127.0.0.1:" + collector.getAddress().getPort()), List.of(), c -> c)) {
            HttpResponse<String> response = app.send(HttpRequest.newBuilder(app.uri("/api/v1/calendar/working-days?from=2026-10-01&add=3"))
                    .header("X-Request-Id", "trace-test-0001").GET());
            assertEquals(200, response.statusCode(), response.body());
            String traceId = response.headers().firstValue(RequestContext.TRACE_HEADER).orElseThrow();
            assertTrue(traceId.matches("[0-9a-f]{32}"), traceId);
            wanted[0] = traceId;
            // Spans are batched; re-check what arrived before the id was known, then wait for the rest.
            if (exports.stream().anyMatch(b -> contains(b, HexFormat.of().parseHex(traceId)))) {
                seen.complete(null);
            }
            seen.get(30, TimeUnit.SECONDS);
        } finally {
            collector.stop(0);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
