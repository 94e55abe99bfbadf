package cn.liaison.backend.chat;

import cn.liaison.backend.StartOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.Application;
import cn.liaison.backend.MutableClock;
import cn.liaison.backend.RecordingNotifier;
import cn.liaison.backend.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat bot through the API, embedded mode without WeChat (local fake login). */
class ChatIT {

    @TempDir
    static Path dataDir;
    static final MutableClock clock = MutableClock.at("2026-11-23T09:30:00+08:00");
    static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start(dataDir, Map.of("CHAT_MESSAGES_PER_MINUTE", "12"),
                StartOptions.defaults().withClock(clock).withNotifierAndManualJobs(new RecordingNotifier()));
        app.knowledgeBase().await(180, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String wechatLogin(String code) throws Exception {
        HttpResponse<String> r = app.sendJson("POST", "/api/v1/auth/wechat", null, new JsonObject().put("code", code).encode());
        assertEquals(200, r.statusCode(), r.body());
        JsonObject body = new JsonObject(r.body());
        assertFalse(r.body().contains("session"), "no session key leaves the server");
        return body.getString("token");
    }

    static JsonObject say(String token, String conversationId, String text) throws Exception {
        JsonObject body = new JsonObject().put("text", text);
        if (conversationId != null) {
            body.put("conversationId", conversationId);
        }
        HttpResponse<String> r = app.sendJson("POST", "/api/v1/chat/messages", token, body.encode());
        assertEquals(200, r.statusCode(), r.body());
        return new JsonObject(r.body());
    }

    static List<String> types(JsonObject turn) {
        return turn.getJsonArray("replies").stream().map(o -> ((JsonObject) o).getString("type")).toList();
    }

    static JsonObject first(JsonObject turn, String type) {
        return turn.getJsonArray("replies").stream().map(JsonObject.class::cast)
                .filter(r -> r.getString("type").equals(type)).findFirst().orElseThrow(() -> new AssertionError(type + " in " + turn));
    }

    @Test
    void fakeLoginIsStablePerCodeAndUnbound() throws Exception {
        HttpResponse<String> r = app.sendJson("POST", "/api/v1/auth/wechat", null, "{\"code\":\"demo-a\"}");
        JsonObject user = new JsonObject(r.body()).getJsonObject("user");
        assertFalse(user.getBoolean("bound"));
        HttpResponse<String> again = app.sendJson("POST", "/api/v1/auth/wechat", null, "{\"code\":\"demo-a\"}");
        assertEquals(user.getString("id"), new JsonObject(again.body()).getJsonObject("user").getString("id"));
    }

    @Test
    void greetsAndAnswersFromTheKnowledgeBaseWithSources() throws Exception {
        String token = wechatLogin("answers");
        JsonObject hello = say(token, null, "你好");
        assertTrue(first(hello, "text").getString("text").startsWith("您好"));
        JsonObject answer = say(token, hello.getString("conversationId"), "人防工程易地建设费怎么收");
        assertEquals(hello.getString("conversationId"), answer.getString("conversationId"));
        JsonObject a = first(answer, "answer");
        assertNotNull(a.getString("entryId"));
        assertFalse(a.getJsonArray("sources").isEmpty(), "an answer names its sources");
        assertTrue(a.getDouble("confidence") > 0);
    }

    @Test
    void anUnhelpfulAnswerSendsItsQuestionToTheGapLoopAgainstThatEntry() throws Exception {
        String token = wechatLogin("low-rated");
        String question = "人防易地费到底按什么标准收的";
        JsonObject answer = say(token, null, question);
        String entryId = first(answer, "answer").getString("entryId");
        String conversation = answer.getString("conversationId");
        JsonObject rating = new JsonObject().put("conversationId", conversation).put("entryId", entryId);
        String admin = app.tokenFor(new cn.liaison.backend.platform.auth.Principal("gap-admin", "管理员",
                java.util.Set.of(cn.liaison.backend.platform.auth.Role.CITY_ADMIN), "city", null));
        long askedBefore = new JsonObject(app.get("/api/v1/admin/kb/suggestions?limit=50", admin).body())
                .getJsonObject("answerRate").getLong("asked");
        assertEquals(204, app.sendJson("POST", "/api/v1/chat/feedback", token,
                rating.copy().put("helpful", false).encode()).statusCode());

        // The weekly pass (Monday 07:30 Shanghai, leased) groups the week's questions ahead of the admin.
        assertTrue(app.runJob("kb-gaps-weekly").toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS) >= 1);
        JsonObject report = new JsonObject(app.get("/api/v1/admin/kb/suggestions?limit=50", admin).body());
        JsonObject low = report.getJsonArray("suggestions").stream().map(JsonObject.class::cast)
                .filter(s -> s.getJsonArray("questions").contains(question))
                .findFirst().orElseThrow(() -> new AssertionError(report.encodePrettily()));
        assertEquals(1, low.getInteger("lowRated"), low.encodePrettily());
        assertFalse(entryId.equals(low.getString("entryId")), "never offered to the entry rated unhelpful: " + low);
        // Rated unhelpful is not another question asked: the answer rate counts the question once.
        assertEquals(askedBefore, report.getJsonObject("answerRate").getLong("asked"), report.encodePrettily());
    }

    @Test
    void complaintIsCollectedOverSeveralTurnsConfirmedAndCreated() throws Exception {
        String token = wechatLogin("complaint");
        JsonObject t1 = say(token, null, "我们小区的人防门坏了，关不上");
        String id = t1.getString("conversationId");
        assertTrue(types(t1).contains("form"));
        assertEquals("project", first(t1, "form").getJsonArray("fields").getJsonObject(0).getString("name"),
                "the description is taken from the first message; the project is asked next");
        JsonObject t2a = say(token, id, "江浦花园二期");
        assertEquals("district", first(t2a, "form").getJsonArray("fields").getJsonObject(0).getString("name"),
                "an unbound user is asked the district, or nobody could place the request (issue 15)");
        JsonObject t2 = say(token, id, "浦口区");
        assertEquals("contactName", first(t2, "form").getJsonArray("fields").getJsonObject(0).getString("name"));
        JsonObject t3 = say(token, id, "王磊");
        JsonObject t4 = say(token, id, "电话是多少呢");
        assertTrue(first(t4, "text").getString("text").contains("格式"), "a bad phone is asked again: " + t4);
        JsonObject t5 = say(token, id, "13912345678");
        assertTrue(first(t5, "text").getString("text").contains("139****5678"), "the summary masks the phone");
        assertFalse(t5.encode().contains("13912345678"));
        JsonObject t6 = say(token, id, "确认提交");
        JsonObject created = first(t6, "request");
        assertNotNull(created.getString("id"));
        app.awaitAssessed(created.getString("id"));

        JsonObject stored = new JsonObject(app.get("/api/v1/requests/" + created.getString("id"),
                app.port(cn.liaison.backend.identity.LoginService.class).tokenFor("user-city-admin").await(10, TimeUnit.SECONDS)).body());
        assertEquals("MINIPROGRAM", stored.getString("channel"));
        assertEquals("COMPLAINT", stored.getString("type"));
        assertTrue(stored.getString("content").contains("人防门坏了"));
        assertTrue(stored.getString("content").contains("江浦花园二期"));
        assertEquals("13912345678", stored.getJsonObject("contact").getString("phone"));
        assertEquals("district-pukou", stored.getString("district"), "placed in the district the user named");

        JsonObject progress = say(token, id, "我的诉求进度");
        assertTrue(first(progress, "text").getString("text").contains(created.getString("number")), progress.encode());
        Long transcripts = app.app().platform().stores().mongo().count("conversations", new JsonObject().put("_id", id))
                .await(10, TimeUnit.SECONDS);
        assertEquals(1L, transcripts);
        JsonObject transcript = app.app().platform().stores().mongo().findOne("conversations", new JsonObject().put("_id", id), null)
                .await(10, TimeUnit.SECONDS);
        assertFalse(transcript.encode().contains("13912345678"), "transcripts keep masked phone numbers");
    }

    @Test
    void lostDialogueStateRestartsPolitely() throws Exception {
        String token = wechatLogin("forgetful");
        JsonObject t1 = say(token, null, "想约人防现场指导");
        String id = t1.getString("conversationId");
        say(token, id, "示范工程");
        app.app().platform().stores().redis().del(List.of(RedisDialogueStates.PREFIX + id)).await(10, TimeUnit.SECONDS);

        JsonObject after = say(token, id, "张三");
        assertTrue(after.getBoolean("restarted"));
        assertTrue(first(after, "text").getString("text").contains("重新开始"), after.encode());
        String next = after.getString("conversationId");
        JsonObject again = say(token, next, "你好");
        assertFalse(again.getBoolean("restarted"), "the new conversation continues normally");
    }

    @Test
    void ratingAfterAResponseHappensInTheChat() throws Exception {
        String token = wechatLogin("rater");
        JsonObject t = say(token, null, "需要人防现场指导，请安排人员上门");
        String id = t.getString("conversationId");
        say(token, id, "无");
        say(token, id, "浦口区");
        say(token, id, "李四");
        say(token, id, "13700001111");
        String requestId = first(say(token, id, "确认"), "request").getString("id");
        String admin = app.port(cn.liaison.backend.identity.LoginService.class).tokenFor("user-city-admin").await(10, TimeUnit.SECONDS);
        JsonObject request = new JsonObject(app.get("/api/v1/requests/" + requestId, admin).body());
        if ("ASSESSED".equals(request.getString("status"))) {
            app.sendJson("POST", "/api/v1/requests/" + requestId + "/assign", admin,
                    new JsonObject().put("liaisonId", "user-pukou-liaison-1").encode());
        }
        String liaison = app.port(cn.liaison.backend.identity.LoginService.class).tokenFor(new JsonObject(app.get("/api/v1/requests/" + requestId, admin).body())
                .getString("liaisonId")).await(10, TimeUnit.SECONDS);
        assertEquals(200, app.sendJson("POST", "/api/v1/requests/" + requestId + "/accept", liaison, "{}").statusCode());
        assertEquals(200, app.sendJson("POST", "/api/v1/requests/" + requestId + "/respond", liaison,
                new JsonObject().put("result", "已安排周三上门指导").put("resolved", true).encode()).statusCode());

        JsonObject progress = say(token, id, "我的诉求进度");
        JsonObject form = first(progress, "form");
        assertEquals("rating", form.getJsonArray("fields").getJsonObject(0).getString("name"));
        JsonObject rated = say(token, id, "非常满意");
        assertTrue(first(rated, "text").getString("text").contains("感谢"), rated.encode());
        JsonObject after = new JsonObject(app.get("/api/v1/requests/" + requestId, admin).body());
        assertEquals("CLOSED", after.getString("status"));
        assertEquals("VERY_SATISFIED", after.getJsonObject("rating").getString("level"));
    }

    @Test
    void urgingFromTheChatUrgesTheOpenRequestOnceAWorkingDay() throws Exception {
        String token = wechatLogin("urger");
        assertTrue(first(say(token, null, "帮我催一下"), "text").getString("text").contains("没有正在办理"));
        JsonObject t = say(token, null, "需要人防现场指导，请安排人员上门");
        String id = t.getString("conversationId");
        say(token, id, "无");
        say(token, id, "浦口区");
        say(token, id, "王五");
        say(token, id, "13700002222");
        String requestId = first(say(token, id, "确认"), "request").getString("id");

        JsonObject urged = say(token, id, "怎么还没处理，催一下");
        assertTrue(first(urged, "text").getString("text").startsWith("已为您催办诉求"), urged.encode());
        JsonObject again = say(token, id, "催一下");
        assertTrue(first(again, "text").getString("text").contains("每个工作日只能催办一次"), again.encode());
        String admin = app.port(cn.liaison.backend.identity.LoginService.class).tokenFor("user-city-admin").await(10, TimeUnit.SECONDS);
        JsonObject request = new JsonObject(app.get("/api/v1/requests/" + requestId, admin).body());
        assertEquals(1, request.getJsonObject("urges").getInteger("count"));
    }

    @Test
    void transcriptsPastTheRetentionArePurged() throws Exception {
        var mongo = app.app().platform().stores().mongo();
        java.time.Instant old = clock.instant().minus(java.time.Duration.ofDays(181));
        mongo.insert(MongoTranscripts.COLLECTION, new JsonObject().put("_id", "old-conversation").put("userId", "u")
                .put("updatedAt", cn.liaison.backend.platform.store.MongoDocs.date(old))).await(10, TimeUnit.SECONDS);
        String kept = say(wechatLogin("recent"), null, "你好").getString("conversationId");

        long removed = app.runJob("chat-transcripts").await(10, TimeUnit.SECONDS);
        assertTrue(removed >= 1);
        assertEquals(0L, mongo.count(MongoTranscripts.COLLECTION, new JsonObject().put("_id", "old-conversation"))
                .await(10, TimeUnit.SECONDS));
        assertEquals(1L, mongo.count(MongoTranscripts.COLLECTION, new JsonObject().put("_id", kept))
                .await(10, TimeUnit.SECONDS));
    }

    @Test
    void tooManyMessagesAre429WithRetryAfter() throws Exception {
        String token = wechatLogin("chatty");
        HttpResponse<String> last = null;
        for (int i = 0; i < 13; i++) {
            last = app.sendJson("POST", "/api/v1/chat/messages", token, new JsonObject().put("text", "你好").encode());
        }
        assertEquals(429, last.statusCode(), last.body());
        assertTrue(last.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(Integer.parseInt(last.headers().firstValue("Retry-After").orElseThrow()) > 0);
    }

    @Test
    void demoEnterpriseBindingIsApprovedAtOnceAndTheNextTokenCarriesIt() throws Exception {
        String token = wechatLogin("binder");
        HttpResponse<String> r = app.sendJson("POST", "/api/v1/me/enterprise", token, new JsonObject()
                .put("creditCode", "91320111MA1XDM7A2U").put("name", "南京江浦示范置业有限公司")
                .put("contactName", "周强").put("phone", "13800000009").encode());
        assertEquals(201, r.statusCode(), r.body());
        JsonObject binding = new JsonObject(r.body());
        assertEquals("APPROVED", binding.getString("status"));
        assertEquals("138****0009", binding.getString("phone"), "masked for the enterprise user");
        JsonObject mine = new JsonObject(app.get("/api/v1/me/enterprise", token).body());
        assertEquals("enterprise-demo-1", mine.getString("enterpriseId"));
        String fresh = mine.getString("token");
        assertNotNull(fresh);
        JsonObject projects = say(fresh, null, "人防门坏了需要维修");
        assertEquals("confirm", first(projects, "form").getJsonArray("fields").getJsonObject(0).getString("name"),
                "project, contact and phone come from the binding: straight to confirmation");
        String summary = projects.getJsonArray("replies").getJsonObject(1).getString("text");
        assertTrue(summary.contains("江浦示范花园一期住宅项目") && summary.contains("周强"), summary);
    }

    @Test
    void unknownEnterpriseWaitsForACityAdmin() throws Exception {
        String token = wechatLogin("newcomer");
        String code = "91320100MA1XDM9C8" + cn.liaison.backend.org.CreditCode.checkCharacter("91320100MA1XDM9C8");
        HttpResponse<String> r = app.sendJson("POST", "/api/v1/me/enterprise", token, new JsonObject()
                .put("creditCode", code).put("name", "南京新企业有限公司")
                .put("contactName", "赵六").put("phone", "13800000010").encode());
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("PENDING", new JsonObject(r.body()).getString("status"));
        String admin = app.port(cn.liaison.backend.identity.LoginService.class).tokenFor("user-city-admin").await(10, TimeUnit.SECONDS);
        JsonArray pending = new JsonObject(app.get("/api/v1/enterprise-bindings", admin).body()).getJsonArray("items");
        JsonObject item = pending.stream().map(JsonObject.class::cast)
                .filter(b -> b.getString("name").equals("南京新企业有限公司")).findFirst().orElseThrow();
        assertEquals("13800000010", item.getString("phone"), "staff see the number");
        HttpResponse<String> approved = app.sendJson("POST", "/api/v1/enterprise-bindings/" + item.getString("id") + "/approve",
                admin, new JsonObject().put("districtUnitId", "district-pukou").encode());
        assertEquals(200, approved.statusCode(), approved.body());
        JsonObject mine = new JsonObject(app.get("/api/v1/me/enterprise", token).body());
        assertTrue(mine.getString("enterpriseId").startsWith("enterprise-"), mine.encode());
        assertEquals("APPROVED", mine.getJsonObject("binding").getString("status"));
        HttpResponse<String> twice = app.sendJson("POST", "/api/v1/enterprise-bindings/" + item.getString("id") + "/approve",
                admin, "{}");
        assertEquals(404, twice.statusCode(), "decided once");
    }
}
