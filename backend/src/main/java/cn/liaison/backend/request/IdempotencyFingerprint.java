package cn.liaison.backend.request;

import cn.liaison.backend.platform.http.Problem;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Binds an {@code Idempotency-Key} to what was sent with it: a hash of the new request's fields.
 * The same key with the same content replays the first answer; with different content it is a
 * client error (422), never a silent replay of something else.
 */
final class IdempotencyFingerprint {

    private IdempotencyFingerprint() {
    }

    /**
     * The hash of what was sent; null for a 12345 order, whose key is the platform's order number:
     * a re-dispatch of the same order (even with edited text) is acknowledged as the same request.
     */
    static String of(NewRequest in, Channel channel) {
        if (channel == Channel.HOTLINE_12345) {
            return null;
        }
        JsonObject fields = new JsonObject()
                .put("type", in.type() == null ? null : in.type().name())
                .put("content", in.content())
                .put("projectId", in.projectId())
                .put("district", in.district())
                .put("contactName", in.contactName())
                .put("contactPhone", in.contactPhone())
                .put("channel", channel.wire());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(fields.encode().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The earlier request when it was sent with the same content; a 422 problem otherwise. */
    static Future<JsonObject> replay(JsonObject earlier, String fingerprint) {
        String stored = earlier.getString("idempotencyHash");
        // Requests stored before keys were bound carry no hash: they replay as before.
        if (stored == null || fingerprint == null || stored.equals(fingerprint)) {
            return Future.succeededFuture(earlier);
        }
        return Future.failedFuture(new ProblemException(new Problem(ProblemType.VALIDATION.uri(), "幂等键已用于另一内容",
                422, "该 Idempotency-Key 已用于内容不同的另一条诉求；新的诉求请使用新的键", null)));
    }
}
