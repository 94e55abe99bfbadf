package cn.liaison.backend.hotline;

import cn.liaison.backend.platform.outbox.Notification;
import cn.liaison.backend.platform.outbox.Notifier;
import cn.liaison.backend.request.PlatformCallbacks;
import cn.liaison.backend.request.RequestModule;
import cn.liaison.backend.platform.store.MongoDocs;
import cn.liaison.bots.hotline12345.Callback;
import cn.liaison.bots.hotline12345.CallbackEvent;
import cn.liaison.bots.hotline12345.Signature;
import cn.liaison.bots.hotline12345.WorkOrderCodec;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The 12345 callback channel: delivers the outbox entries addressed to {@code platform:12345} as
 * signed {@code POST {HOTLINE_12345_BASE}/callbacks}. Only a 2xx is an acknowledgement; anything
 * else fails the send, and the outbox retries with back-off. Every attempt is logged on the request
 * ({@code callbacks}), so staff can see what the platform was told and when it answered.
 */
final class PlatformCallbackNotifier implements Notifier {

    static final String CALLBACK_ID_HEADER = "X-Callback-Id";
    private static final long TIMEOUT_MS = 10_000;

    private final Hotline12345Settings settings;
    private final WebClient client;
    private final RequestModule requests;
    private final Clock clock;

    PlatformCallbackNotifier(Hotline12345Settings settings, WebClient client, RequestModule requests, Clock clock) {
        this.settings = settings;
        this.client = client;
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "12345";
    }

    @Override
    public boolean handles(Notification n) {
        return n.recipientIds().contains(PlatformCallbacks.RECIPIENT) && n.data().containsKey(PlatformCallbacks.EVENT);
    }

    @Override
    public Future<Void> send(Notification n) {
        Instant now = clock.instant();
        JsonObject attempt = new JsonObject().put("id", n.id()).put("event", n.data().get(PlatformCallbacks.EVENT))
                .put("at", MongoDocs.date(now));
        if (settings.secret().isEmpty() || settings.base().isEmpty()) {
            String reason = "12345 对接未配置（HOTLINE_12345_SECRET / HOTLINE_12345_BASE）";
            return log(n, attempt.put("ok", false).put("error", reason)).compose(v -> Future.failedFuture(reason));
        }
        String body = WorkOrderCodec.callback(callback(n)).encode();
        String timestamp = Long.toString(now.getEpochSecond());
        String signature = new Signature(settings.secret().get()).sign(timestamp, body);
        URI target = URI.create(settings.base().get() + "/callbacks");
        return client.postAbs(target.toString())
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader(Signature.TIMESTAMP_HEADER, timestamp)
                .putHeader(Signature.SIGNATURE_HEADER, signature)
                .putHeader(CALLBACK_ID_HEADER, n.id())
                .timeout(TIMEOUT_MS)
                .sendBuffer(Buffer.buffer(body))
                .transform(result -> outcome(n, attempt, result.succeeded() ? result.result() : null, result.cause()));
    }

    private Future<Void> outcome(Notification n, JsonObject attempt, HttpResponse<Buffer> response, Throwable error) {
        if (response != null && response.statusCode() / 100 == 2) {
            return log(n, attempt.put("ok", true).put("status", response.statusCode()));
        }
        String reason = response != null ? "12345 平台返回 HTTP " + response.statusCode()
                : "12345 平台无法连接：" + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
        if (response != null) {
            attempt.put("status", response.statusCode());
        }
        return log(n, attempt.put("ok", false).put("error", reason)).compose(v -> Future.failedFuture(reason));
    }

    /** Recording is best effort: a failure to write the log must not turn a delivery into a retry. */
    private Future<Void> log(Notification n, JsonObject attempt) {
        return requests.logCallback(n.requestId(), attempt).otherwiseEmpty();
    }

    static Callback callback(Notification n) {
        Map<String, Object> details = new HashMap<>();
        n.data().forEach((key, value) -> {
            if (!key.equals(PlatformCallbacks.EVENT) && !key.equals(PlatformCallbacks.ORDER_NO)) {
                details.put(key, "workingDays".equals(key) ? Integer.valueOf(value) : value);
            }
        });
        return new Callback(n.data().get(PlatformCallbacks.ORDER_NO),
                CallbackEvent.valueOf(n.data().get(PlatformCallbacks.EVENT)), n.createdAt(), details);
    }
}
