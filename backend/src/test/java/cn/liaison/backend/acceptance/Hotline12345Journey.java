package cn.liaison.backend.acceptance;

import static cn.liaison.backend.acceptance.Api.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.hotline.Fake12345Platform;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 12345 work order: the platform posts a signed order → a request on channel 12345 with the
 * platform's deadline → the liaison signs for it → the 签收 callback reaches the platform, signed →
 * the liaison responds → the 办结 (result) callback reaches it. The signature is computed here from
 * the published interface (hex HMAC-SHA256 over {@code timestamp + "\n" + body}), not with our code.
 */
final class Hotline12345Journey {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final Api api;
    private final Fake12345Platform platform;
    private final String secret;
    private final Duration delivery;

    Hotline12345Journey(Api api, Fake12345Platform platform, String secret, Duration delivery) {
        this.api = api;
        this.platform = platform;
        this.secret = secret;
        this.delivery = delivery;
    }

    void run() throws Exception {
        String orderNo = "GD-ACCEPT-" + System.currentTimeMillis();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        String deadline = ISO.format(now.plusDays(10).withHour(17).withMinute(30).withSecond(0));
        JsonObject order = new JsonObject().put("orderNo", orderNo).put("type", "投诉").put("title", "地下车库人防门损坏")
                .put("content", "小区地下车库的人防防护门损坏，一直没人维修，存在安全隐患").put("callerName", "王先生")
                .put("callerPhone", "13900001111").put("district", "浦口区").put("address", "江浦街道某小区")
                .put("dispatchedAt", ISO.format(now.minusMinutes(5))).put("deadline", deadline);
        HttpResponse<String> in = signed("/integrations/12345/orders", order.encode());
        assertEquals(201, in.statusCode(), in.body());
        String id = new JsonObject(in.body()).getString("requestId");
        HttpResponse<String> unsigned = api.call("POST", "/integrations/12345/orders", null, order);
        assertEquals(401, unsigned.statusCode(), "an unsigned order is refused: " + unsigned.body());

        String admin = api.login("city-admin");
        JsonObject request = api.routed(id, admin);
        assertEquals("12345", request.getString("channel"));
        assertEquals(orderNo, request.getString("orderNo"));
        assertEquals(OffsetDateTime.parse(deadline).toInstant(), OffsetDateTime.parse(request.getString("dueAt")).toInstant(),
                "the platform's deadline");
        String liaison = api.login(request.getString("liaisonId").substring("user-".length()));

        api.expect(200, "POST", "/api/v1/requests/" + id + "/accept", liaison, new JsonObject());
        JsonObject signedFor = callback(orderNo, "SIGNED");
        assertTrue(signedFor.getString("at").endsWith("+08:00"), signedFor.encode());

        api.expect(200, "POST", "/api/v1/requests/" + id + "/respond", liaison, new JsonObject()
                .put("result", "已联系物业更换防护门密封条并复查，门体关闭正常").put("resolved", true).put("resolution", "RESOLVED"));
        JsonObject result = callback(orderNo, "RESULT");
        assertEquals("RESOLVED", result.getString("resolution"));
        assertEquals("已联系物业更换防护门密封条并复查，门体关闭正常", result.getString("result"));
        assertTrue(platform.all().stream().allMatch(Fake12345Platform.Received::signatureValid), "every callback is signed");
        assertTrue(api.ok("/api/v1/requests/" + id, admin).getJsonArray("callbacks").stream()
                .allMatch(c -> ((JsonObject) c).getBoolean("ok")), "every attempt is listed on the request");
    }

    private JsonObject callback(String orderNo, String event) throws InterruptedException {
        return eventually("a " + event + " callback for " + orderNo + " at the 12345 platform; got " + platform.all(), delivery,
                () -> platform.acknowledged(orderNo).stream().filter(c -> event.equals(c.getString("event")))
                        .findFirst().orElse(null));
    }

    private HttpResponse<String> signed(String path, String body) throws Exception {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal((timestamp + "\n" + body).getBytes(StandardCharsets.UTF_8)));
        return api.send(HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json")
                .header("X-Timestamp", timestamp).header("X-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
