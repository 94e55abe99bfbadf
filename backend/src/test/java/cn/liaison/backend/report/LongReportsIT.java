package cn.liaison.backend.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.StartOptions;
import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long work runs off the event loop, in a bounded pool (issue 12 §4). The proof needs no timing: an
 * export of {@value #ROWS} long rows (about 18 MB of CSV) is started by a client that reads only its
 * first bytes through a tiny receive buffer, so the server provably cannot have finished writing it.
 * While two such exports hold the pool's two slots, the service still answers a fast request, and a
 * third report or export is refused with 503 and {@code Retry-After} at once. Read to the end, each
 * export is complete.
 */
class LongReportsIT {

    static final int ROWS = 3000;

    @TempDir
    static Path dataDir;
    static TestApp app;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start(dataDir, Map.of(), StartOptions.defaults()
                .onlyFeatures("identity", "calendar", "org", "demo", "knowledge base", "requests", "reports"));
        token = app.loginAs("city-admin");
        // The monthly summary waits for the knowledge base; on a loaded machine its first build outlasts the client's timeout.
        app.knowledgeBase().await(180, TimeUnit.SECONDS);
        String content = "人防工程竣工验收".repeat(250); // 2000 characters, the contract's maximum
        Instant base = Instant.parse("2026-10-01T01:00:00Z");
        List<BulkOperation> docs = new ArrayList<>();
        // ASSESSED, not RECEIVED: the assess job would otherwise run 3,000 assessments against the exports being measured.
        for (int i = 0; i < ROWS; i++) {
            Instant created = base.plus(Duration.ofMinutes(i));
            docs.add(BulkOperation.createInsert(new JsonObject().put("_id", "long-" + i).put("number", "L" + i)
                    .put("version", 1).put("status", "ASSESSED").put("channel", "MINIPROGRAM").put("type", "CONSULT")
                    .put("district", "district-pukou").put("content", content)
                    .put("createdAt", new JsonObject().put("$date", created.toString()))));
            if (docs.size() == 500) {
                app.app().platform().stores().mongo().bulkWrite("requests", docs).await(120, TimeUnit.SECONDS);
                docs.clear();
            }
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void exportsInProgressLeaveTheServiceAnsweringAndAThirdIsRefusedWhileTheyRun() throws Exception {
        try (HeldExport first = new HeldExport(); HeldExport second = new HeldExport()) {
            first.readHead();
            second.readHead();

            assertEquals(200, app.get("/health/live").statusCode());
            HttpResponse<String> ledger = app.get("/api/v1/requests?limit=5", token);
            assertEquals(200, ledger.statusCode(), ledger.body());

            for (String path : List.of("/api/v1/reports/monthly?month=2026-10", "/api/v1/requests/export.csv",
                    "/api/v1/reports/monthly.xlsx?month=2026-10")) {
                HttpResponse<String> busy = app.get(path, token);
                assertEquals(503, busy.statusCode(), path + ": " + busy.body());
                assertTrue(busy.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                        path);
                assertTrue(busy.headers().firstValue("Retry-After").isPresent(), path);
            }
            // Bad input is still a 400, not a 503, while the slots are busy.
            assertEquals(400, app.get("/api/v1/reports/monthly?month=+999999999-12", token).statusCode());

            assertEquals(ROWS + 1, first.readToEnd().split("\r\n").length);
            assertEquals(ROWS + 1, second.readToEnd().split("\r\n").length);
        }
        // Both slots are free again.
        HttpResponse<String> report = app.get("/api/v1/reports/monthly?month=2026-10", token);
        assertEquals(200, report.statusCode(), report.body());
        assertEquals(ROWS, new JsonObject(report.body()).getJsonObject("total").getLong("received"));
    }

    /** An export over a raw socket with a tiny receive buffer, read as slowly as the test likes. */
    static final class HeldExport implements AutoCloseable {
        private final Socket socket = new Socket();
        private final InputStream in;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();

        HeldExport() throws IOException {
            // Set before connecting, so the kernel neither grows it nor reads ahead for us.
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", app.uri("/").getPort()), 10_000);
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/requests/export.csv HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            in = socket.getInputStream();
        }

        /** Reads until the status line, headers and the CSV's first line have arrived. */
        void readHead() throws IOException {
            byte[] chunk = new byte[1024];
            while (!new String(received.toByteArray(), StandardCharsets.UTF_8).contains("编号,状态")) {
                int n = in.read(chunk);
                if (n < 0) {
                    throw new IOException("closed early: " + received.toString(StandardCharsets.UTF_8));
                }
                received.write(chunk, 0, n);
            }
            String head = received.toString(StandardCharsets.UTF_8);
            assertTrue(head.startsWith("HTTP/1.1 200"), head.substring(0, Math.min(200, head.length())));
        }

        /** The CSV body (chunked transfer decoded). */
        String readToEnd() throws IOException {
            received.write(in.readAllBytes());
            byte[] all = received.toByteArray();
            int bodyStart = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII)) + 4;
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int at = bodyStart;
            while (true) {
                int lineEnd = indexOf(all, "\r\n".getBytes(StandardCharsets.US_ASCII), at);
                int size = Integer.parseInt(new String(all, at, lineEnd - at, StandardCharsets.US_ASCII).trim(), 16);
                if (size == 0) {
                    break;
                }
                body.write(all, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
            return body.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }

        private static int indexOf(byte[] data, byte[] pattern) {
            return indexOf(data, pattern, 0);
        }

        private static int indexOf(byte[] data, byte[] pattern, int from) {
            outer:
            for (int i = from; i <= data.length - pattern.length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (data[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
