package cn.liaison.bots.hotline12345;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkOrderCodecTest {

    static JsonObject order() {
        return new JsonObject().put("orderNo", "GD20261123-0001").put("type", "投诉").put("title", "人防门损坏")
                .put("content", "小区地下车库的人防门损坏无人维修").put("callerName", "王先生").put("callerPhone", "13900001111")
                .put("district", "浦口区").put("address", "江浦街道某小区").put("categoryCodes", new JsonArray().add("RF01"))
                .put("dispatchedAt", "2026-11-23T09:00:00+08:00").put("deadline", "2026-11-30T17:30:00+08:00");
    }

    @Test
    void everyOrderTypeMapsToARequestType() {
        assertEquals("CONSULT", OrderType.fromWire("咨询").orElseThrow().requestType().name());
        assertEquals("DEMAND", OrderType.fromWire("求助").orElseThrow().requestType().name());
        assertEquals("COMPLAINT", OrderType.fromWire("投诉").orElseThrow().requestType().name());
        assertEquals("COMPLAINT", OrderType.fromWire("举报").orElseThrow().requestType().name());
        assertEquals("SUGGESTION", OrderType.fromWire("建议").orElseThrow().requestType().name());
        assertEquals("PRAISE", OrderType.fromWire("表扬").orElseThrow().requestType().name());
        assertTrue(OrderType.fromWire("其他").isEmpty());
    }

    @Test
    void aValidOrderIsRead() {
        WorkOrder order = WorkOrderCodec.order(order());
        assertEquals(OrderType.COMPLAINT, order.type());
        assertEquals(Instant.parse("2026-11-30T09:30:00Z"), order.deadline());
        assertEquals("【人防门损坏】小区地下车库的人防门损坏无人维修（地址：江浦街道某小区）", order.requestContent());
    }

    @Test
    void everyBadFieldIsNamed() {
        JsonObject bad = order().put("orderNo", "x").put("type", "其他").put("deadline", "2026-11-30")
                .put("callerPhone", "abc").putNull("content").put("categoryCodes", "RF01");
        InvalidOrderException e = assertThrows(InvalidOrderException.class, () -> WorkOrderCodec.order(bad));
        assertEquals(java.util.Set.of("orderNo", "type", "deadline", "callerPhone", "content", "categoryCodes"),
                e.fields().keySet());
    }

    @Test
    void aDeadlineBeforeDispatchIsRefused() {
        JsonObject bad = order().put("deadline", "2026-11-22T09:00:00+08:00");
        assertEquals(Map.of("deadline", "办结时限应晚于派单时间"),
                assertThrows(InvalidOrderException.class, () -> WorkOrderCodec.order(bad)).fields());
    }

    @Test
    void followUpNeedsABoolean() {
        assertEquals(new FollowUpResult(false, "没修好"),
                WorkOrderCodec.followUp(new JsonObject().put("satisfied", false).put("comment", "没修好")));
        assertThrows(InvalidOrderException.class, () -> WorkOrderCodec.followUp(new JsonObject().put("satisfied", "no")));
    }

    @Test
    void callbackCarriesOrderEventTimeAndDetails() {
        JsonObject json = WorkOrderCodec.callback(new Callback("GD1234", CallbackEvent.RESULT,
                Instant.parse("2026-11-24T02:00:00Z"), Map.of("result", "已修复", "resolution", "RESOLVED")));
        assertEquals(new JsonObject().put("orderNo", "GD1234").put("event", "RESULT").put("at", "2026-11-24T10:00+08:00")
                .put("result", "已修复").put("resolution", "RESOLVED"), json);
    }

    @Test
    void signatureIsHmacSha256HexOverTimestampNewlineBody() {
        Signature signature = new Signature("key");
        // HMAC-SHA256("key", "1700000000\n{}") computed independently (openssl dgst -sha256 -hmac key).
        assertEquals("dc69947da92a4b74a8dc1043568a9cd906a846272955d61394a6ff449c53eb36", signature.sign("1700000000", "{}"));
        InboundCheck check = new InboundCheck(signature, Duration.ofSeconds(300));
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        String ts = "1800000000";
        String sig = signature.sign(ts, body);
        assertNull(check.check(ts, sig, body, now));
        assertNull(check.check(ts, sig.toUpperCase(), body, now));
        assertEquals(InboundCheck.Failure.BAD_SIGNATURE, check.check(ts, sig, "{\"a\":2}".getBytes(StandardCharsets.UTF_8), now));
        assertEquals(InboundCheck.Failure.BAD_SIGNATURE, check.check(ts, new Signature("other").sign(ts, body), body, now));
        assertEquals(InboundCheck.Failure.STALE, check.check("1799999699", signature.sign("1799999699", body), body, now));
        assertNull(check.check("1800000300", signature.sign("1800000300", body), body, now));
        assertEquals(InboundCheck.Failure.MISSING_HEADERS, check.check(null, sig, body, now));
        assertEquals(InboundCheck.Failure.BAD_TIMESTAMP, check.check("yesterday", sig, body, now));
    }
}
