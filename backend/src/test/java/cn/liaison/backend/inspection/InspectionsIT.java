package cn.liaison.backend.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.MutableClock;
import cn.liaison.backend.RecordingNotifier;
import cn.liaison.backend.StartOptions;
import cn.liaison.backend.TestApp;
import cn.liaison.backend.platform.outbox.NotificationEvent;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * 扫码入企 over HTTP on the real service with a movable clock (Monday 2026-11-23 09:30 Beijing time):
 * the enterprise code (signed, rotatable, a QR code that decodes to the scan link), the item list,
 * the caps of 无事不扰 and 综合查一次, registering by scan or flagged without one, the rectification's
 * working-day deadline, the enterprise's rating (a bad one opens a request) and its subscribe notice,
 * invitations, and the monthly figures. The tests run in order on one service, as one year's story.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InspectionsIT {

    @TempDir
    static Path dataDir;
    static MutableClock clock;
    static RecordingNotifier notifier = new RecordingNotifier();
    static TestApp app;
    static final Map<String, String> tokens = new HashMap<>();
    static String code;
    static String planned;
    static String over;

    @BeforeAll
    static void start() throws Exception {
        clock = MutableClock.at("2026-11-23T09:30:00+08:00");
        app = TestApp.start(dataDir, Map.of(), StartOptions.defaults().withClock(clock).withNotifierAndManualJobs(notifier));
        // A bad rating opens a request, and the request loop classifies it with the knowledge base.
        app.knowledgeBase().await(300, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @Order(1)
    void theEnterpriseHasASignedRotatableCodeAsQrAndCard() throws Exception {
        JsonObject mine = ok(get("enterprise-1", "/api/v1/enterprises/enterprise-demo-1/code"), 200);
        code = mine.getString("code");
        assertTrue(mine.getString("url").endsWith("/inspect/#c=" + code), mine.encode());
        assertEquals(code, ok(get("pukou-liaison-1", "/api/v1/enterprises/enterprise-demo-1/code"), 200).getString("code"));
        assertEquals(404, get("enterprise-2", "/api/v1/enterprises/enterprise-demo-1/code").statusCode());

        HttpResponse<byte[]> png = bytes("enterprise-1", "/api/v1/enterprises/enterprise-demo-1/code.png");
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertEquals(mine.getString("url"), decode(png.body()));
        HttpResponse<byte[]> card = bytes("pukou-head", "/api/v1/enterprises/enterprise-demo-1/code-card.png");
        assertEquals(200, card.statusCode());
        assertEquals(mine.getString("url"), decode(card.body()));
        assertEquals(404, bytes("enterprise-2", "/api/v1/enterprises/enterprise-demo-1/code.png").statusCode());

        JsonObject scan = ok(send("pukou-liaison-1", "POST", "/api/v1/inspections/scan", new JsonObject().put("code", code)), 200);
        assertEquals("南京江浦示范置业有限公司", scan.getString("enterpriseName"));
        String forged = code.substring(0, code.lastIndexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAA";
        assertEquals(404, send("pukou-liaison-1", "POST", "/api/v1/inspections/scan", new JsonObject().put("code", forged)).statusCode());

        String rotated = ok(send("enterprise-1", "POST", "/api/v1/enterprises/enterprise-demo-1/code/rotate", null), 200).getString("code");
        assertNotEquals(code, rotated);
        assertEquals(404, send("pukou-liaison-1", "POST", "/api/v1/inspections/scan", new JsonObject().put("code", code)).statusCode());
        code = rotated;
        assertEquals(200, send("pukou-liaison-1", "POST", "/api/v1/inspections/scan", new JsonObject().put("code", code)).statusCode());
    }

    @Test
    @Order(2)
    void theItemListIsPublicAndKeptByCityAdmins() throws Exception {
        JsonArray items = ok(app.get("/api/v1/inspection-items"), 200).getJsonArray("items");
        assertEquals(3, items.size(), "demo mode seeds three items");
        ok(send("city-admin", "PUT", "/api/v1/inspection-items/rfgc-fee", new JsonObject().put("name", "易地建设费收缴检查")), 200);
        ok(send("city-admin", "DELETE", "/api/v1/inspection-items/rfgc-fee", null), 200);
        assertEquals(3, ok(app.get("/api/v1/inspection-items"), 200).getJsonArray("items").size());
        assertEquals(400, send("pukou-liaison-1", "POST", "/api/v1/inspections", plan("RANDOM", "2026-11-25").put("itemId", "rfgc-fee")).statusCode());
        ok(send("city-admin", "PUT", "/api/v1/inspection-limits", new JsonObject().put("yearlyCap", 2)
                .put("kindCaps", new JsonObject().put("RANDOM", 1))), 200);
    }

    @Test
    @Order(3)
    void capsNeedAReasonAndAUnitHeadsApproval() throws Exception {
        JsonObject first = ok(send("pukou-liaison-1", "POST", "/api/v1/inspections", plan("RANDOM", "2026-11-25")), 201);
        assertEquals("PLANNED", first.getString("state"));
        planned = first.getString("id");
        // A second 双随机 this year goes beyond the kind's cap of 1: not without a reason, then only with approval.
        JsonObject refused = ok(send("pukou-liaison-1", "POST", "/api/v1/inspections", plan("RANDOM", "2026-12-10")), 400);
        assertTrue(refused.getString("detail").contains("双随机抽查"), refused.encode());
        JsonObject waiting = ok(send("pukou-liaison-1", "POST", "/api/v1/inspections", plan("RANDOM", "2026-12-10")
                .put("overCapReason", "群众举报隐患，需再次抽查")), 201);
        assertEquals("AWAITING_APPROVAL", waiting.getString("state"));
        over = waiting.getString("id");
        assertEquals(403, send("pukou-liaison-1", "POST", "/api/v1/inspections/" + over + "/decision",
                new JsonObject().put("approve", true).put("reason", "同意")).statusCode());
        assertEquals(409, send("pukou-liaison-1", "POST", "/api/v1/inspections/" + over + "/record", record(code)).statusCode());
        JsonObject approved = ok(send("pukou-head", "POST", "/api/v1/inspections/" + over + "/decision",
                new JsonObject().put("approve", true).put("reason", "举报线索具体，同意检查")), 200);
        assertEquals("PLANNED", approved.getString("state"));
        assertEquals("王磊", approved.getJsonObject("approval").getString("byName"));
        // An invitation never counts: the enterprise asked for it.
        JsonObject invited = ok(send("enterprise-1", "POST", "/api/v1/me/inspection-invitations", new JsonObject()
                .put("note", "新建工程请来指导人防设施维护").put("preferredDate", "2026-12-01").put("itemId", "rfgc-maintenance")), 201);
        assertEquals("INVITED", invited.getString("kind"));
        assertEquals("PLANNED", invited.getString("state"));
        assertEquals("district-pukou", invited.getString("unitId"));
        // Next year the count starts again.
        assertEquals("PLANNED", ok(send("pukou-liaison-1", "POST", "/api/v1/inspections", plan("RANDOM", "2027-01-12")), 201)
                .getString("state"));
    }

    @Test
    @Order(4)
    void anotherUnitsPlanInTheSameMonthJoinsTheVisit() throws Exception {
        JsonObject joined = ok(send("city-admin", "POST", "/api/v1/inspections", plan("SPECIAL", "2026-11-27")
                .put("itemId", "rfgc-use")), 201);
        assertEquals("PLANNED", joined.getString("state"), "joining a visit adds no visit, so no cap is reached");
        assertTrue(joined.getBoolean("merged"));
        assertEquals("2026-11-25", joined.getString("plannedOn"), "the joint visit keeps its date");
        JsonObject first = ok(get("pukou-liaison-1", "/api/v1/inspections/" + planned), 200);
        assertEquals(first.getString("visitId"), joined.getString("visitId"));
        assertTrue(first.getBoolean("merged"));
        assertEquals(new JsonArray().add("district-pukou"), joined.getJsonArray("joinedUnits"));
        // Another visit of its own (no other unit's visit to join) is beyond the yearly cap of 2:
        // the joint visit in November and the approved one in December.
        JsonObject beyond = ok(send("pukou-liaison-1", "POST", "/api/v1/inspections", plan("SPECIAL", "2026-12-20")), 400);
        assertTrue(beyond.getString("detail").contains("年度上限 2 次"), beyond.encode());
    }

    @Test
    @Order(5)
    void registeringNeedsTheCodeOrAReasonAndIsThenFlagged() throws Exception {
        JsonObject noReason = ok(send("pukou-liaison-1", "POST", "/api/v1/inspections/" + planned + "/record", record(null)), 400);
        assertTrue(noReason.encode().contains("noScanReason"), noReason.encode());
        String other = ok(send("enterprise-2", "GET", "/api/v1/enterprises/enterprise-demo-2/code", null), 200).getString("code");
        assertEquals(409, send("pukou-liaison-1", "POST", "/api/v1/inspections/" + planned + "/record", record(other)).statusCode());
        clock.set(java.time.OffsetDateTime.parse("2026-11-27T10:00:00+08:00").toInstant()); // a Friday
        JsonObject done = ok(send("pukou-liaison-1", "POST", "/api/v1/inspections/" + planned + "/record", record(code)
                .put("rectification", new JsonObject().put("demand", "疏散指示标志损坏，限期更换").put("workingDays", 3))), 200);
        assertEquals("RECORDED", done.getString("state"));
        assertTrue(done.getJsonObject("record").getBoolean("scanned"));
        assertFalse(done.getJsonObject("record").getBoolean("flagged"));
        assertEquals("2026-12-02", done.getJsonObject("record").getJsonObject("rectification").getString("deadline"),
                "three working days after Friday the 27th: Mon, Tue, Wed");
        assertEquals(409, send("pukou-liaison-1", "POST", "/api/v1/inspections/" + planned + "/record", record(code)).statusCode());

        clock.set(java.time.OffsetDateTime.parse("2026-12-03T09:00:00+08:00").toInstant());
        JsonObject late = ok(get("pukou-liaison-1", "/api/v1/inspections/" + planned), 200);
        assertTrue(late.getJsonObject("record").getJsonObject("rectification").getBoolean("overdue"));
        JsonObject followed = ok(send("pukou-liaison-1", "POST", "/api/v1/inspections/" + planned + "/follow-up",
                new JsonObject().put("rectified", true).put("note", "已更换，复查合格")), 200);
        assertFalse(followed.getJsonObject("record").getJsonObject("rectification").getBoolean("overdue"));
        assertEquals(409, send("pukou-liaison-1", "POST", "/api/v1/inspections/" + planned + "/follow-up",
                new JsonObject().put("rectified", true).put("note", "再次")).statusCode());

        clock.set(java.time.OffsetDateTime.parse("2026-12-10T14:00:00+08:00").toInstant());
        JsonObject flagged = ok(send("pukou-head", "POST", "/api/v1/inspections/" + over + "/record", record(null)
                .put("noScanReason", "企业负责人不在，未能出示企业码")), 200);
        assertTrue(flagged.getJsonObject("record").getBoolean("flagged"));
        assertFalse(flagged.getJsonObject("record").getBoolean("scanned"));
    }

    @Test
    @Order(6)
    void theEnterpriseSeesRatesAndABadRatingOpensARequest() throws Exception {
        assertTrue(app.runJob("inspection-outbox").await(30, TimeUnit.SECONDS) >= 2);
        var notices = notifier.sent(planned, NotificationEvent.INSPECTION_RECORDED);
        assertEquals(1, notices.size());
        assertEquals(java.util.List.of("user-enterprise-1"), notices.get(0).recipientIds());

        JsonArray mine = ok(get("enterprise-1", "/api/v1/me/inspections"), 200).getJsonArray("items");
        assertTrue(mine.size() >= 4, mine.encode());
        assertEquals(404, get("enterprise-2", "/api/v1/inspections/" + planned).statusCode());
        JsonObject good = ok(send("enterprise-1", "POST", "/api/v1/inspections/" + planned + "/rating",
                new JsonObject().put("score", 5).put("comment", "检查规范，指导到位")), 200);
        assertEquals(5, good.getJsonObject("rating").getInteger("score"));
        assertEquals(409, send("enterprise-1", "POST", "/api/v1/inspections/" + planned + "/rating",
                new JsonObject().put("score", 1)).statusCode());
        JsonObject bad = ok(send("enterprise-1", "POST", "/api/v1/inspections/" + over + "/rating",
                new JsonObject().put("score", 1).put("comment", "未出示企业码即进场")), 200);
        String requestId = bad.getJsonObject("rating").getString("requestId");
        assertNotNull(requestId, bad.encode());
        JsonObject request = ok(get("enterprise-1", "/api/v1/requests/" + requestId), 200);
        assertEquals("COMPLAINT", request.getString("type"));
        assertTrue(request.getString("content").contains("未出示企业码即进场"), request.encode());
    }

    @Test
    @Order(7)
    void theMonthlySummaryCarriesTheInspections() throws Exception {
        JsonObject november = ok(get("city-admin", "/api/v1/reports/monthly?month=2026-11"), 200).getJsonObject("inspections");
        assertNotNull(november);
        assertEquals(2, november.getLong("total"), november.encode());
        assertEquals(1, november.getLong("registered"));
        assertEquals(0, november.getLong("flagged"));
        assertEquals(2, november.getLong("mergedInspections"));
        assertEquals(1, november.getJsonObject("ratings").getLong("5"));
        JsonObject december = ok(get("pukou-head", "/api/v1/reports/monthly?month=2026-12"), 200).getJsonObject("inspections");
        assertEquals(2, december.getLong("total"), "the approved one and the invitation: " + december.encode());
        assertEquals(1, december.getLong("overCapApproved"), december.encode());
        assertEquals(1, december.getLong("flagged"));
        assertEquals(1, december.getLong("badRatings"));
        assertEquals("浦口区", december.getJsonArray("byUnit").getJsonObject(0).getString("unitName"));
        HttpResponse<byte[]> xlsx = bytes("city-admin", "/api/v1/reports/monthly.xlsx?month=2026-12");
        assertEquals(200, xlsx.statusCode());
        assertTrue(new String(xlsx.body(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("xl/worksheets/sheet3.xml"));
    }

    private static JsonObject plan(String kind, String on) {
        return new JsonObject().put("enterpriseId", "enterprise-demo-1").put("itemId", "rfgc-quality").put("kind", kind).put("plannedOn", on);
    }

    private static JsonObject record(String scanned) {
        JsonObject body = new JsonObject().put("inspectors", new JsonArray().add("李娜").add("张伟"))
                .put("place", "地下一层人防区").put("findings", "防护密闭门启闭正常，疏散指示标志一处损坏");
        return scanned == null ? body : body.put("code", scanned);
    }

    static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }

    private static String token(String user) throws Exception {
        // Tokens expire on the test's clock too: sign in again once the clock has moved on.
        String key = user + "@" + clock.instant().toString().substring(0, 10);
        String token = tokens.get(key);
        if (token == null) {
            token = app.loginAs(user);
            tokens.put(key, token);
        }
        return token;
    }

    private static HttpResponse<String> send(String user, String method, String path, JsonObject body) throws Exception {
        return app.sendJson(method, path, token(user), body == null ? "" : body.encode());
    }

    private static HttpResponse<String> get(String user, String path) throws Exception {
        return app.get(path, token(user));
    }

    private static HttpResponse<byte[]> bytes(String user, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.uri(path)).header("Authorization", "Bearer " + token(user))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonObject ok(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        return new JsonObject(response.body());
    }
}
