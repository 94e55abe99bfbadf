package cn.liaison.backend.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 指导案例: from a well-rated request to a published, findable knowledge-base case without the enterprise's details. */
class GuidingCaseIT {

    @TempDir
    static Path dataDir;
    static LoopFixture loop;

    @BeforeAll
    static void start() throws Exception {
        loop = new LoopFixture(dataDir);
    }

    @AfterAll
    static void stop() {
        loop.close();
    }

    private static JsonObject caseBody() {
        return new JsonObject().put("title", "地下室防护门关闭不严的整改")
                .put("questions", new JsonArray().add("人防地下室防护门关不严怎么整改？").add("防护门关不上找谁")
                        .add("人防门密封不好怎么办").add("地下室人防门漏缝怎么处理").add("防护密闭门关不紧要整改吗")
                        .add("人防门关不严影响验收吗"));
    }

    @Test
    void wellRatedRequestBecomesAnAnonymousCaseThatIsFoundAfterPublishing() throws Exception {
        String id = loop.submit("enterprise-1", new JsonObject().put("type", "DEMAND")
                .put("content", "江浦示范花园一期住宅项目人防门关不严，联系人周强 13812345678")
                .put("projectId", "project-demo-1")).getString("id");
        loop.act("pukou-liaison-1", id, "accept", new JsonObject());
        loop.act("pukou-liaison-1", id, "progress", new JsonObject().put("note", "现场查看，密封条老化"));
        loop.act("pukou-liaison-1", id, "respond", new JsonObject().put("result", "已督促施工单位更换密封条并复查合格").put("resolved", true));

        HttpResponse<String> early = loop.post("pukou-head", "/api/v1/requests/" + id + "/case-draft", caseBody());
        assertEquals(409, early.statusCode(), "not rated yet");

        loop.act("enterprise-1", id, "rate", new JsonObject().put("level", "SATISFIED"));
        assertEquals(403, loop.post("pukou-liaison-1", "/api/v1/requests/" + id + "/case-draft", caseBody()).statusCode());
        HttpResponse<String> draft = loop.post("pukou-head", "/api/v1/requests/" + id + "/case-draft", caseBody());

        assertEquals(201, draft.statusCode(), draft.body());
        String entryId = new JsonObject(draft.body()).getString("id");
        String text = new JsonObject(draft.body()).getString("draftText");
        assertTrue(text.contains("更换密封条"), text);
        assertFalse(text.contains("13812345678") || text.contains("周强") || text.contains("江浦示范花园"), text);

        HttpResponse<String> published = loop.post("city-admin", "/api/v1/admin/kb/entries/" + entryId + "/publish", new JsonObject());
        assertEquals(200, published.statusCode(), published.body());
        String q = URLEncoder.encode("人防门关不严要怎么整改", StandardCharsets.UTF_8);
        JsonArray results = new JsonObject(loop.app.get("/api/v1/kb/answer?q=" + q).body()).getJsonArray("results");
        assertTrue(results.stream().anyMatch(r -> entryId.equals(((JsonObject) r).getString("id"))), results.encodePrettily());
    }

    @Test
    void fewerThanSixQuestionsIsRejected() throws Exception {
        HttpResponse<String> response = loop.post("pukou-head", "/api/v1/requests/any/case-draft",
                new JsonObject().put("title", "x").put("questions", new JsonArray().add("一个问题")));

        assertEquals(400, response.statusCode());
    }
}
