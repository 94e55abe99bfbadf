package cn.liaison.backend.hotline;

import cn.liaison.bots.hotline12345.Signature;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny stand-in for the 12345 platform on loopback: records every callback it receives (with
 * whether the signature was right) and can be told to answer 503 to the next attempts. Used by the
 * in-process tests and by the acceptance suite against the shipped jar.
 */
public final class Fake12345Platform implements AutoCloseable {

    /** One callback as received. */
    public record Received(JsonObject body, boolean signatureValid, String callbackId, int status) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final Signature signature;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final HttpServer server;

    public Fake12345Platform(String secret) throws Exception {
        this.signature = new Signature(secret);
        this.server = vertx.createHttpServer().requestHandler(request -> {
            if (!request.path().equals("/api/12345/callbacks") || !"POST".equals(request.method().name())) {
                request.response().setStatusCode(404).end();
                return;
            }
            request.body().onSuccess(body -> {
                boolean valid = signature.matches(request.getHeader(Signature.TIMESTAMP_HEADER), body.getBytes(),
                        request.getHeader(Signature.SIGNATURE_HEADER));
                int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : valid ? 200 : 401;
                received.add(new Received(body.toJsonObject(), valid, request.getHeader("X-Callback-Id"), status));
                request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("code", status == 200 ? 0 : status).encode());
            });
        }).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort() + "/api/12345";
    }

    public void failNext(int attempts) {
        failuresLeft.set(attempts);
    }

    /** Callbacks acknowledged (2xx) for one order, oldest first. */
    public List<JsonObject> acknowledged(String orderNo) {
        return received.stream().filter(r -> r.status() == 200 && orderNo.equals(r.body().getString("orderNo")))
                .map(Received::body).toList();
    }

    public List<Received> all() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("fake 12345 platform did not stop", e);
        }
    }
}
