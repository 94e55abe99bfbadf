package cn.liaison.backend.acceptance;

import static cn.liaison.backend.acceptance.Api.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.live.SseClient;
import cn.liaison.backend.wecom.FakeWecom;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A liaison on the phone page {@code /m/}: WeCom OAuth sign-in (the redirect dance: our start → the
 * WeCom authorize page → our callback → the page with the token in its fragment), the live event
 * stream opened with a one-time ticket, a new task from an enterprise arriving live and as a WeCom
 * text card, then 签收 and 答复 through the calls the page makes, each seen live on the stream; then a
 * service plan whose card opens the plan, worked through the page's calls.
 */
final class LiaisonJourney {

    private static final String MEMBER = "pukou-liaison-1";
    private static final Duration LIVE = Duration.ofSeconds(15);

    private final Api api;
    private final FakeWecom wecom;
    private final String publicBaseUrl;
    private final Duration delivery;

    LiaisonJourney(Api api, FakeWecom wecom, String publicBaseUrl, Duration delivery) {
        this.api = api;
        this.wecom = wecom;
        this.publicBaseUrl = publicBaseUrl;
        this.delivery = delivery;
    }

    void run() throws Exception {
        assertEquals(200, api.get("/m/", null).statusCode(), "the phone page is served");
        assertTrue(api.ok("/api/v1/auth/methods", null).getBoolean("wecom"), "the page offers WeCom sign-in");
        String token = signInThroughWecom();
        assertEquals("user-" + MEMBER, api.ok("/api/v1/me", token).getString("id"));

        String ticket = api.expect(200, "POST", "/api/v1/events/ticket", token, new JsonObject()).getString("ticket");
        try (SseClient stream = SseClient.open(api.uri("/api/v1/events?ticket=" + ticket))) {
            assertEquals(200, stream.status());
            String enterprise = api.login("enterprise-1");
            JsonObject created = api.expect(201, "POST", "/api/v1/requests", enterprise, new JsonObject().put("type", "DEMAND")
                    .put("content", "地下室人防工程竣工验收备案需要准备哪些材料，请联络员上门指导").put("projectId", "project-demo-1"));
            String id = created.getString("id");
            // routing follows the acknowledged create: the liaison hears of it on the live stream
            assertEquals("ASSIGNED", next(stream, id, "assigned").getString("status", "ASSIGNED"));
            JsonObject routed = api.routed(id, enterprise);
            assertEquals("user-" + MEMBER, routed.getString("liaisonId"), "the project's own liaison: " + routed.encode());

            JsonObject card = eventually("a WeCom text card for task " + id + "; WeCom got " + wecom.messages, delivery,
                    () -> wecom.messagesTo(MEMBER).stream().filter(m -> "textcard".equals(m.getString("msgtype"))
                            && m.getJsonObject("textcard").getString("url").endsWith("/m/#/tasks/" + id)).findFirst().orElse(null));
            assertEquals(publicBaseUrl + "/m/#/tasks/" + id, card.getJsonObject("textcard").getString("url"));
            assertEquals(1000002, card.getInteger("agentid"));

            // What the page loads: the inbox, the deadline words, the task.
            assertTrue(api.ok("/api/v1/tasks", token).getJsonArray("items").stream()
                    .anyMatch(t -> id.equals(((JsonObject) t).getString("id"))), "the task is in the inbox");
            JsonObject task = api.ok("/api/v1/requests/" + id, token);
            String due = task.getString("signDeadline");
            JsonObject words = api.ok("/api/v1/deadlines?due=" + URLEncoder.encode(due, StandardCharsets.UTF_8), token);
            assertTrue(words.getJsonArray("items").getJsonObject(0).getString("text").contains("前"), words.encode());

            api.expect(200, "POST", "/api/v1/requests/" + id + "/accept", token, new JsonObject());
            assertEquals("IN_PROGRESS", next(stream, id, "changed").getString("status"));
            api.expect(200, "POST", "/api/v1/requests/" + id + "/respond", token,
                    new JsonObject().put("result", "已电话联系企业并发送竣工验收备案材料清单，明日上门指导").put("resolved", true));
            assertEquals("RESPONDED", next(stream, id, "changed").getString("status"));
            assertEquals("RESPONDED", api.ok("/api/v1/requests/" + id, token).getString("status"));
        }
        planFromItsCard(token);
    }

    /**
     * A service plan a unit head opens with this liaison as lead: WeCom brings a card that opens the plan
     * on the phone page (not the task view), and the liaison works it through the calls the page makes.
     */
    private void planFromItsCard(String token) throws Exception {
        JsonObject plan = api.expect(201, "POST", "/api/v1/plans", api.login("pukou-head"), new JsonObject()
                .put("title", "竣工验收陪跑").put("goal", "竣工验收一次通过").put("projectId", "project-demo-1")
                .put("steps", new JsonArray().add(new JsonObject().put("title", "现场预检")
                        .put("ownerId", "user-" + MEMBER).put("workingDays", 2)))
                .put("agency", new JsonObject().put("leadId", "user-" + MEMBER)));
        String id = plan.getString("id");
        JsonObject card = eventually("a WeCom card for plan " + id + "; WeCom got " + wecom.messages, delivery,
                () -> wecom.messagesTo(MEMBER).stream().filter(m -> "textcard".equals(m.getString("msgtype"))
                        && m.getJsonObject("textcard").getString("url").endsWith("/m/#/plans/" + id)).findFirst().orElse(null));
        assertEquals(publicBaseUrl + "/m/#/plans/" + id, card.getJsonObject("textcard").getString("url"));
        assertTrue(api.ok("/api/v1/plans?status=ACTIVE", token).getJsonArray("items").stream()
                .anyMatch(p -> id.equals(((JsonObject) p).getString("id"))), "the plan is in the liaison's list");
        String step = plan.getJsonArray("steps").getJsonObject(0).getString("id");
        api.expect(200, "POST", "/api/v1/plans/" + id + "/steps/" + step + "/state", token, new JsonObject().put("state", "DONE"));
        api.expect(201, "POST", "/api/v1/plans/" + id + "/visits", token, new JsonObject().put("place", "项目现场")
                .put("actions", "陪同企业现场预检人防工程"));
        JsonObject after = api.ok("/api/v1/plans/" + id, token);
        assertEquals("AWAITING_CONFIRMATION", after.getString("status"), after.encode());
        assertEquals(1, after.getJsonArray("visits").size());
    }

    /** Follows the redirects a phone's WebView follows and returns the token the page receives. */
    private String signInThroughWecom() throws Exception {
        wecom.phoneMember = MEMBER;
        HttpResponse<String> start = api.get("/api/v1/auth/wecom/start?next=%23%2Ftasks", null);
        assertEquals(302, start.statusCode(), start.body());
        String toWecom = start.headers().firstValue("Location").orElseThrow();
        assertTrue(toWecom.startsWith(wecom.authorizeUrl() + "?appid=ww-acceptance&"), toWecom);
        HttpResponse<String> authorized = api.get(toWecom.replaceFirst("#.*$", ""), null);
        assertEquals(302, authorized.statusCode(), "the WeCom page: " + authorized.body());
        String back = authorized.headers().firstValue("Location").orElseThrow();
        assertTrue(back.startsWith(publicBaseUrl + "/api/v1/auth/wecom/callback?code="), back);
        HttpResponse<String> callback = api.get(back, null);
        assertEquals(302, callback.statusCode(), callback.body());
        String page = URLDecoder.decode(callback.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
        Matcher token = Pattern.compile("^/m/#/auth\\?token=([^&]+)&next=#/tasks$").matcher(page);
        assertTrue(token.find(), page);
        return token.group(1);
    }

    /** The next event of {@code type} about request {@code id} (events of other tasks are skipped). */
    private static JsonObject next(SseClient stream, String id, String type) throws InterruptedException {
        long deadline = System.nanoTime() + LIVE.toNanos();
        while (System.nanoTime() < deadline) {
            SseClient.Frame frame = stream.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (type.equals(frame.event()) && id.equals(frame.json().getString("requestId"))) {
                return frame.json();
            }
        }
        throw new AssertionError("no live '" + type + "' event for " + id + " within " + LIVE);
    }
}
