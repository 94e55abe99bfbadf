package cn.liaison.backend.wecom;

import cn.liaison.backend.identity.WecomAccounts;
import cn.liaison.backend.StartOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.Application;
import cn.liaison.backend.MutableClock;
import cn.liaison.backend.RecordingNotifier;
import cn.liaison.backend.TestApp;
import cn.liaison.backend.live.SseClient;
import cn.liaison.backend.platform.outbox.DeliveryDeferred;
import cn.liaison.backend.platform.outbox.Notification;
import cn.liaison.backend.platform.outbox.NotificationEvent;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * WeCom against a fake WeCom server: OAuth sign-in, application messages through the outbox,
 * quiet hours, the half-day reminder rule, per-member limits, failures visible on the request, and
 * live events of the request loop on the event stream. The service runs on a clock the test moves
 * (Monday 2026-11-23 09:30, Beijing time, and forward from there).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WecomIT {

    @TempDir
    static Path dataDir;
    static FakeWecom wecom;
    static MutableClock clock = MutableClock.at("2026-11-23T09:30:00+08:00");
    static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        wecom = new FakeWecom();
        app = TestApp.start(dataDir, Map.of("WECOM_CORP_ID", "ww-test-corp", "WECOM_AGENT_ID", "1000002",
                        "WECOM_SECRET", "test-secret", "WECOM_API_BASE", wecom.baseUrl(),
                        "PUBLIC_BASE_URL", "https://liaison.test"),
                StartOptions.defaults().withClock(clock).withNotifierAndManualJobs(new RecordingNotifier()));
        app.knowledgeBase().await(180, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (wecom != null) {
            wecom.close();
        }
    }

    @BeforeEach
    void reset() {
        wecom.sendErrorCode = 0;
    }

    private static String startSignIn() throws Exception {
        HttpResponse<String> start = app.get("/api/v1/auth/wecom/start?next=%23%2Ftasks%2Fabc");
        assertEquals(302, start.statusCode(), start.body());
        String location = start.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("https://open.weixin.qq.com/connect/oauth2/authorize?appid=ww-test-corp&"), location);
        assertTrue(location.contains("redirect_uri=" + java.net.URLEncoder.encode(
                "https://liaison.test/api/v1/auth/wecom/callback", StandardCharsets.UTF_8)), location);
        assertTrue(location.contains("&agentid=1000002") && location.endsWith("#wechat_redirect"), location);
        Matcher state = Pattern.compile("state=([0-9a-f]+)").matcher(location);
        assertTrue(state.find(), location);
        return state.group(1);
    }

    private static HttpResponse<String> callback(String code, String state, boolean json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.uri("/api/v1/auth/wecom/callback?code=" + code + "&state=" + state)).GET();
        if (json) {
            request.header("Accept", "application/json");
        }
        return app.send(request);
    }

    @Test
    @Order(1)
    void oauthSignsInTheStaffMemberLinkedToTheWecomAccount() throws Exception {
        wecom.codes.put("code-1", "pukou-liaison-1");
        HttpResponse<String> signedIn = callback("code-1", startSignIn(), true);
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        String token = new JsonObject(signedIn.body()).getString("token");
        JsonObject me = new JsonObject(app.get("/api/v1/me", token).body());
        assertEquals("user-pukou-liaison-1", me.getString("id"));

        wecom.codes.put("code-2", "pukou-head");
        HttpResponse<String> browser = callback("code-2", startSignIn(), false);
        assertEquals(302, browser.statusCode());
        String location = browser.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("/m/#/auth?token="), location);
        assertTrue(URLDecoder.decode(location, StandardCharsets.UTF_8).endsWith("&next=#/tasks/abc"), location);
    }

    @Test
    @Order(2)
    void oauthRefusesUnlinkedMembersForgedStatesAndSpentCodes() throws Exception {
        wecom.codes.put("code-3", "somebody-else");
        HttpResponse<String> unlinked = callback("code-3", startSignIn(), true);
        assertEquals(403, unlinked.statusCode());
        assertTrue(unlinked.body().contains("尚未关联"), unlinked.body());

        wecom.codes.put("code-4", "pukou-liaison-1");
        assertEquals(401, callback("code-4", "0123456789abcdef", true).statusCode(), "a state this service never issued");

        String state = startSignIn();
        HttpResponse<String> spent = callback("code-already-used", state, true);
        assertEquals(503, spent.statusCode(), "WeCom's refusal of the code: " + spent.body());
        assertTrue(spent.body().contains("40029"), spent.body());
        HttpResponse<String> again = callback("code-4", state, false);
        assertEquals(302, again.statusCode());
        assertTrue(again.headers().firstValue("Location").orElseThrow().startsWith("/m/#/login?error="), "a state works once");
    }

    @Test
    @Order(3)
    void assignmentReachesTheLiaisonAsATextCardAndLiveOnTheStream() throws Exception {
        String liaison = app.loginAs("pukou-liaison-1");
        String ticket = new JsonObject(app.sendJson("POST", "/api/v1/events/ticket", liaison, "{}").body()).getString("ticket");
        try (SseClient stream = SseClient.open(app.uri("/api/v1/events?ticket=" + ticket))) {
            JsonObject created = submit("人防工程竣工验收备案需要准备哪些材料，请联系人上门指导");
            String id = created.getString("id");
            assertEquals("user-pukou-liaison-1", app.awaitAssessed(id).getString("liaisonId"));

            SseClient.Frame assigned = stream.next(Duration.ofSeconds(10));
            assertEquals("assigned", assigned.event());
            assertEquals(id, assigned.json().getString("requestId"));

            int tokensBefore = wecom.tokenRequests.get();
            app.runJob("outbox").await(30, TimeUnit.SECONDS);
            List<JsonObject> cards = wecom.messagesTo("pukou-liaison-1").stream()
                    .filter(m -> m.getJsonObject("textcard").getString("url").endsWith("/m/#/tasks/" + id)).toList();
            assertEquals(1, cards.size(), wecom.messages.toString());
            JsonObject card = cards.get(0);
            assertEquals("textcard", card.getString("msgtype"));
            assertEquals(1000002, card.getInteger("agentid"));
            assertEquals("https://liaison.test/m/#/tasks/" + id, card.getJsonObject("textcard").getString("url"));
            assertFalse(card.getJsonObject("textcard").getString("title").isBlank());
            assertTrue(wecom.tokenRequests.get() - tokensBefore <= 1, "the token is fetched once and shared");

            app.sendJson("POST", "/api/v1/requests/" + id + "/accept", liaison, "{}");
            SseClient.Frame changed = stream.next(Duration.ofSeconds(10));
            assertEquals("changed", changed.event());
            assertEquals("IN_PROGRESS", changed.json().getString("status"));
        }
    }

    @Test
    @Order(4)
    void aSendWecomKeepsRefusingEndsUpOnTheRequestWithItsReason() throws Exception {
        wecom.sendErrorCode = 60020;
        String id = submit("人防易地建设费缴纳标准咨询，请联系人回电").getString("id");
        for (int i = 0; i < 12; i++) {
            app.runJob("outbox").await(30, TimeUnit.SECONDS);
            clock.advance(Duration.ofMinutes(31));
        }
        JsonObject request = new JsonObject(app.get("/api/v1/requests/" + id, app.loginAs("pukou-head")).body());
        assertNotNull(request.getJsonArray("failedNotifications"), request.encodePrettily());
        String lastError = request.getJsonArray("failedNotifications").getJsonObject(0).getString("lastError");
        assertTrue(lastError.contains("wecom") && lastError.contains("60020"), lastError);
    }

    // The notifier on its own clock, against the same Redis and fake WeCom.

    private static WecomNotifier notifier(MutableClock at, String quiet) {
        WecomClient client = new WecomClient(new WecomSettings("ww-test-corp", 1000002, "test-secret", wecom.baseUrl(),
                "https://open.weixin.qq.com/connect/oauth2/authorize"), app.app().platform().stores().redis(),
                app.app().platform().vertx().createSharedWorkerExecutor("wecom-test", 2));
        return new WecomNotifier(client, new WecomAccounts(app.app().platform().stores().mongo()), app.app().platform().stores().redis(),
                QuietHours.parse(quiet), "https://liaison.test", at);
    }

    private static Notification notice(NotificationEvent event, String requestId, String userId, Instant at) {
        return new Notification(UUID.randomUUID().toString(), requestId, event, List.of(userId), "催办提醒", "请尽快办理", at);
    }

    private static Throwable failure(WecomNotifier notifier, Notification n) {
        try {
            notifier.send(n).await(10, TimeUnit.SECONDS);
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    @Test
    @Order(5)
    void atNightMessagesWaitForMorningButEscalationsGoAtOnce() {
        MutableClock night = MutableClock.at("2026-12-01T22:15:00+08:00");
        WecomNotifier notifier = notifier(night, "21:00-08:00");
        int before = wecom.messagesTo("pukou-liaison-2").size();

        Throwable held = failure(notifier, notice(NotificationEvent.ASSIGNED, "req-night", "user-pukou-liaison-2", night.instant()));
        DeliveryDeferred deferred = assertInstanceOf(DeliveryDeferred.class, held);
        assertEquals(Instant.parse("2026-12-02T00:00:00Z"), deferred.notBefore(), "08:00 Beijing time");
        assertTrue(deferred.getMessage().contains("免打扰"), deferred.getMessage());

        assertEquals(null, failure(notifier, notice(NotificationEvent.ESCALATED, "req-night", "user-pukou-liaison-2", night.instant())));
        assertEquals(before + 1, wecom.messagesTo("pukou-liaison-2").size(), "only the escalation went out");
    }

    @Test
    @Order(6)
    void aTaskIsRemindedAtMostOncePerHalfDay() {
        MutableClock morning = MutableClock.at("2026-12-02T09:00:00+08:00");
        WecomNotifier notifier = notifier(morning, "21:00-08:00");
        assertEquals(null, failure(notifier, notice(NotificationEvent.REMINDER, "req-remind", "user-pukou-liaison-2", morning.instant())));
        morning.advance(Duration.ofHours(1));
        DeliveryDeferred second = assertInstanceOf(DeliveryDeferred.class,
                failure(notifier, notice(NotificationEvent.REMINDER, "req-remind", "user-pukou-liaison-2", morning.instant())));
        assertEquals(Instant.parse("2026-12-02T04:00:00Z"), second.notBefore(), "12:00 Beijing time");
        assertEquals(null, failure(notifier, notice(NotificationEvent.REMINDER, "req-other", "user-pukou-liaison-2", morning.instant())),
                "another task's reminder is not held");
    }

    @Test
    @Order(7)
    void perMemberLimitQueuesTheThirtyFirstMessageOfAMinute() {
        MutableClock busy = MutableClock.at("2026-12-03T10:00:05+08:00");
        WecomNotifier notifier = notifier(busy, "off");
        int before = wecom.messagesTo("pukou-edz-liaison").size();
        for (int i = 0; i < SendThrottle.PER_MINUTE; i++) {
            assertEquals(null, failure(notifier, notice(NotificationEvent.ASSIGNED, "req-busy-" + i, "user-pukou-edz-liaison", busy.instant())));
        }
        Notification thirtyFirst = notice(NotificationEvent.ASSIGNED, "req-busy-31", "user-pukou-edz-liaison", busy.instant());
        DeliveryDeferred limited = assertInstanceOf(DeliveryDeferred.class, failure(notifier, thirtyFirst));
        assertEquals(Instant.parse("2026-12-03T02:01:00Z"), limited.notBefore());
        assertEquals(before + 30, wecom.messagesTo("pukou-edz-liaison").size());

        busy.set(limited.notBefore());
        assertEquals(null, failure(notifier, thirtyFirst), "sent in the next minute, not dropped");
        assertEquals(before + 31, wecom.messagesTo("pukou-edz-liaison").size());
        assertEquals(null, failure(notifier, thirtyFirst), "a retry of a delivered message is not sent twice");
        assertEquals(before + 31, wecom.messagesTo("pukou-edz-liaison").size());
    }

    @Test
    @Order(8)
    void enterpriseUsersAreNotMessagedOnWecom() {
        WecomNotifier notifier = notifier(MutableClock.at("2026-12-04T10:00:00+08:00"), "off");
        int before = wecom.messages.size();
        assertEquals(null, failure(notifier, notice(NotificationEvent.RESPONDED, "req-ent", "user-enterprise-1",
                Instant.parse("2026-12-04T02:00:00Z"))));
        assertEquals(before, wecom.messages.size());
    }

    @Test
    @Order(9)
    void aPlanCardOpensThePlanAndAProactiveCardTheTask() throws Exception {
        HttpResponse<String> created = app.sendJson("POST", "/api/v1/plans", app.loginAs("pukou-head"), new JsonObject()
                .put("title", "示范花园报建陪跑").put("goal", "协助企业一次办成防空地下室报建").put("projectId", "project-demo-1")
                .put("agency", new JsonObject().put("leadId", "user-pukou-liaison-1")).encode());
        assertEquals(201, created.statusCode(), created.body());
        String planId = new JsonObject(created.body()).getString("id");
        app.runJob("plan-outbox").await(30, TimeUnit.SECONDS);
        List<JsonObject> planCards = wecom.messagesTo("pukou-liaison-1").stream()
                .filter(m -> m.getJsonObject("textcard").getString("description").contains("示范花园报建陪跑")).toList();
        assertEquals(1, planCards.size(), wecom.messages.toString());
        assertEquals("https://liaison.test/m/#/plans/" + planId, planCards.get(0).getJsonObject("textcard").getString("url"),
                "PLAN_ASSIGNED opens the plan, not a request task");

        HttpResponse<String> project = app.sendJson("POST", "/api/v1/projects", app.loginAs("enterprise-1"), new JsonObject()
                .put("name", "江浦企微跨前测试项目").put("landUse", "COMMERCIAL").put("totalFloorArea", 30000)
                .put("aboveGroundFloorArea", 24000).encode());
        assertEquals(201, project.statusCode(), project.body());
        app.runJob("proactive").await(60, TimeUnit.SECONDS);
        app.runJob("proactive-outbox").await(30, TimeUnit.SECONDS);
        List<String> proactiveLinks = wecom.messagesTo("pukou-liaison-1").stream()
                .map(m -> m.getJsonObject("textcard")).filter(c -> c.getString("description").contains("江浦企微跨前测试项目"))
                .map(c -> c.getString("url")).toList();
        assertEquals(1, proactiveLinks.size(), wecom.messages.toString());
        String taskId = "stage:" + new JsonObject(project.body()).getString("id");
        assertTrue(URLDecoder.decode(proactiveLinks.get(0), StandardCharsets.UTF_8).startsWith("https://liaison.test/m/#/proactive/" + taskId + ":"),
                proactiveLinks.get(0));
    }

    private static JsonObject submit(String content) throws Exception {
        HttpResponse<String> response = app.sendJson("POST", "/api/v1/requests", app.loginAs("enterprise-1"),
                new JsonObject().put("type", "DEMAND").put("content", content).put("projectId", "project-demo-1").encode());
        assertEquals(201, response.statusCode(), response.body());
        JsonObject created = new JsonObject(response.body());
        app.awaitAssessed(created.getString("id")); // routing (and its notifications) follows the 201
        return created;
    }
}
