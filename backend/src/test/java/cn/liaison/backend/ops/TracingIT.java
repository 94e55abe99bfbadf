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

    /**
     * A sign-in reads the account from MongoDB and counts attempts in Redis: both calls are client
     * spans whose parent is the request's server span, in the request's trace.
     */
    @Test
    void aRequestsStoreCallsAreChildSpansOfItsServerSpan() throws Exception {
        List<OtlpSpans.Span> spans = new CopyOnWriteArrayList<>();
        String[] wanted = new String[1];
        CompletableFuture<List<String>> children = new CompletableFuture<>();
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            spans.addAll(OtlpSpans.read(exchange.getRequestBody().readAllBytes()));
            check(spans, wanted[0], children);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        try (TestApp app = TestApp.start(dir, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT",
                "http://127.0.0.1:" + collector.getAddress().getPort()), List.of(), c -> c)) {
            HttpResponse<String> response = app.send(HttpRequest.newBuilder(app.uri("/api/v1/auth/login"))
                    .header("X-Request-Id", "trace-test-0002").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"pukou-liaison-2\",\"password\":\"not-the-password\"}")));
            assertEquals(401, response.statusCode(), response.body());
            wanted[0] = response.headers().firstValue(RequestContext.TRACE_HEADER).orElseThrow();
            check(spans, wanted[0], children);
            try {
                children.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("no MongoDB and Redis child spans; spans of the trace: " + spans.stream()
                        .filter(s -> wanted[0].equals(s.traceId())).map(s -> s.name() + " " + s.parentSpanId() + " " + s.attributes()).toList());
            }
        } finally {
            collector.stop(0);
        }
    }

    /** Completes once the trace has a server span with a MongoDB and a Redis client span under it. */
    private static synchronized void check(List<OtlpSpans.Span> spans, String traceId, CompletableFuture<List<String>> children) {
        if (traceId == null) {
            return;
        }
        List<OtlpSpans.Span> trace = spans.stream().filter(s -> traceId.equals(s.traceId())).toList();
        String server = trace.stream().filter(s -> s.kind() == 2).map(OtlpSpans.Span::spanId).findFirst().orElse(null);
        List<String> systems = trace.stream().filter(s -> server != null && server.equals(s.parentSpanId()))
                .map(s -> s.attributes().getOrDefault("db.system", "")).distinct().sorted().toList();
        if (systems.contains("mongodb") && systems.contains("redis")) {
            children.complete(systems);
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
