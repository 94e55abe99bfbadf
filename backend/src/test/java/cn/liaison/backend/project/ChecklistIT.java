package cn.liaison.backend.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 一件事 over HTTP: public scenario packages and forms, the KB answer, a project's checklist, approval times. */
class ChecklistIT {

    @TempDir
    static Path dataDir;
    static ProjectFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = new ProjectFixture(dataDir);
        f.app.knowledgeBase().await(180, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static Map<String, JsonObject> items(JsonObject checklist) {
        return checklist.getJsonArray("stages").stream().map(JsonObject.class::cast)
                .flatMap(s -> s.getJsonArray("items").stream().map(JsonObject.class::cast))
                .collect(Collectors.toMap(i -> i.getString("itemId"), i -> i));
    }

    @Test
    void scenariosArePublicWithTheirPackageAndMergedForm() throws Exception {
        JsonObject list = f.ok(f.app.get("/api/v1/scenarios"), 200);
        assertEquals(List.of("completion-acceptance", "handover-certificate", "offsite-merged", "start-construction"),
                list.getJsonArray("items").stream().map(JsonObject.class::cast).map(s -> s.getString("id")).sorted().toList());

        JsonObject merged = f.ok(f.app.get("/api/v1/scenarios/offsite-merged"), 200);
        assertEquals("engineering-permit", merged.getString("stage"));
        JsonArray materials = merged.getJsonArray("materials");
        JsonObject area = find(materials, "防空地下室应建面积计算报告");
        assertEquals(2, area.getJsonArray("items").size(), "needed by the approval and the fee: asked once");
        assertEquals("exempt", find(materials, "建设工程规划许可证").getString("handling"));
        assertEquals("later", find(materials, "地下管线情况报告").getString("handling"));
        assertTrue(merged.getJsonArray("phases").getJsonObject(0).getBoolean("parallel"));
        assertEquals(20, merged.getJsonObject("timeLimits").getInteger("legalDays"));

        JsonObject form = f.ok(f.app.get("/api/v1/scenarios/offsite-merged/form"), 200);
        assertEquals("https://json-schema.org/draft/2020-12/schema", form.getString("$schema"));
        JsonObject properties = form.getJsonObject("properties");
        assertTrue(properties.containsKey("planningPermitNumber") && properties.containsKey("offsiteReason"));
        assertEquals(List.of("item-offsite-approval", "item-offsite-fee-collection"),
                properties.getJsonObject("projectName").getJsonArray("x-items").getList(), "one field for both items");
        assertEquals(404, f.app.get("/api/v1/scenarios/no-such-thing").statusCode());
        assertEquals(400, f.app.get("/api/v1/scenarios/BAD%20ID").statusCode());
    }

    @Test
    void scenarioQuestionIsAnsweredWithThePackage() throws Exception {
        JsonObject answer = f.ok(f.app.get("/api/v1/kb/answer?q=" + URLEncoder.encode("开工前人防要办什么", StandardCharsets.UTF_8)), 200);
        assertEquals("scenario", answer.getString("kind"));
        assertEquals("scenario", answer.getJsonArray("results").getJsonObject(0).getString("kind"));
        assertEquals("start-construction", answer.getJsonObject("answer").getJsonObject("package").getString("id"));
    }

    @Test
    void liaisonRecordsProgressAndTheMonthlySummaryAveragesApprovalTimes() throws Exception {
        String id = f.create("enterprise-1", new JsonObject().put("name", "江浦商务中心").put("landUse", "COMMERCIAL")
                .put("totalFloorArea", 40000).put("aboveGroundFloorArea", 30000)).getString("id");
        f.patch("pukou-head", id, new JsonObject().put("liaisonId", "user-pukou-liaison-1")
                .put("obligation", new JsonObject().put("mode", "ON_SITE").put("requiredArea", 2400)));
        String path = "/api/v1/projects/" + id + "/checklist";
        JsonObject checklist = f.ok(f.get("enterprise-1", path), 200);
        assertEquals("user-pukou-liaison-1", checklist.getJsonObject("ask").getString("userId"));
        assertEquals("NOT_STARTED", items(checklist).get("item-basement-permit").getString("state"));
        assertEquals(404, f.get("enterprise-2", path).statusCode());
        assertEquals(404, f.get("hotline-agent", path).statusCode());

        JsonObject started = f.ok(f.send("pukou-liaison-1", "POST", path + "/item-basement-permit/start",
                new JsonObject().put("startedOn", "2026-11-02")), 200);
        JsonObject running = items(started).get("item-basement-permit");
        assertEquals("IN_PROGRESS", running.getString("state"));
        assertEquals("2026-11-30", running.getString("deadline"), "20 working days from 2 November");

        assertEquals(400, f.send("pukou-liaison-1", "POST", path + "/item-basement-permit/done",
                new JsonObject().put("doneOn", "2026-11-20")).statusCode(), "the reference number is required");
        assertEquals(400, f.send("pukou-liaison-1", "POST", path + "/item-basement-permit/done",
                new JsonObject().put("doneOn", "2026-12-01").put("reference", "x")).statusCode(), "not in the future");
        assertEquals(400, f.send("pukou-liaison-1", "POST", path + "/item-offsite-approval/done",
                new JsonObject().put("doneOn", "2026-11-20").put("reference", "x")).statusCode(), "not applicable on site");
        assertEquals(404, f.send("pukou-liaison-1", "POST", path + "/item-no-such/done",
                new JsonObject().put("doneOn", "2026-11-20").put("reference", "x")).statusCode());
        assertEquals(403, f.send("hotline-agent", "POST", path + "/item-basement-permit/start", new JsonObject()).statusCode());
        assertEquals(404, f.send("enterprise-2", "POST", path + "/item-basement-permit/start", new JsonObject()).statusCode());

        JsonObject done = f.ok(f.send("pukou-liaison-1", "POST", path + "/item-basement-permit/done",
                new JsonObject().put("doneOn", "2026-11-20").put("reference", "宁人防许字〔2026〕88号")), 200);
        JsonObject permit = items(done).get("item-basement-permit");
        assertEquals("DONE", permit.getString("state"));
        assertEquals("2026-11-02", permit.getString("startedOn"), "kept from the start");
        assertEquals("宁人防许字〔2026〕88号", permit.getString("reference"));
        f.ok(f.send("enterprise-1", "POST", path + "/item-construction-drawing/done",
                new JsonObject().put("startedOn", "2026-11-16").put("doneOn", "2026-11-18").put("reference", "图审2026-7")), 200);

        JsonObject report = f.ok(f.get("city-admin", "/api/v1/reports/monthly?month=2026-11"), 200);
        JsonObject times = report.getJsonObject("approvalTimes");
        JsonObject byItem = times.getJsonArray("byItem").stream().map(JsonObject.class::cast)
                .filter(i -> i.getString("itemId").equals("item-basement-permit")).findFirst().orElseThrow();
        assertEquals(14.0, byItem.getDouble("averageWorkingDays"), "2 → 20 November: 14 working days");
        JsonObject engineering = times.getJsonArray("byStage").stream().map(JsonObject.class::cast)
                .filter(s -> s.getString("stage").equals("ENGINEERING_PERMIT")).findFirst().orElseThrow();
        assertEquals(1, engineering.getInteger("done"));
        JsonObject construction = times.getJsonArray("byStage").stream().map(JsonObject.class::cast)
                .filter(s -> s.getString("stage").equals("CONSTRUCTION_PERMIT")).findFirst().orElseThrow();
        assertEquals(2.0, construction.getDouble("averageWorkingDays"));
    }

    @Test
    void chatBotAnswersWhatIsNextFromTheChecklist() throws Exception {
        String name = f.ok(f.get("enterprise-1", "/api/v1/projects/project-demo-1"), 200).getString("name");
        JsonObject turn = f.ok(f.send("enterprise-1", "POST", "/api/v1/chat/messages",
                new JsonObject().put("text", name + "下一步人防要办什么")), 200);
        String text = turn.getJsonArray("replies").stream().map(JsonObject.class::cast)
                .map(r -> r.getString("text", "")).reduce("", String::concat);
        assertTrue(text.contains("「" + name + "」") && text.contains("人防下一步"), turn.encode());
        assertTrue(text.contains("应建防空地下室的民用建筑项目报建审批【未开始】"), "on site, engineering permit stage: " + text);
        assertTrue(!text.contains("易地建设审批"), "not for a project that builds on site: " + text);
        assertTrue(text.contains("服务联系人李娜"), "the project's liaison by name, not 'contact your district': " + text);
        JsonObject ask = f.ok(f.get("enterprise-1", "/api/v1/projects/project-demo-1/checklist"), 200).getJsonObject("ask");
        assertEquals("李娜", ask.getString("name"), ask.encode());
        JsonObject project = f.ok(f.get("enterprise-1", "/api/v1/projects/project-demo-1"), 200);
        assertEquals("浦口区", project.getString("districtName"), "the district by name next to its id");
        assertEquals("李娜", project.getString("liaisonName"));

        JsonObject generic = f.ok(f.send("enterprise-1", "POST", "/api/v1/chat/messages",
                new JsonObject().put("text", "开工前人防要办什么")), 200);
        JsonObject answer = generic.getJsonArray("replies").stream().map(JsonObject.class::cast)
                .filter(r -> "answer".equals(r.getString("type"))).findFirst().orElseThrow(() -> new AssertionError(generic.encode()));
        assertEquals("scenario-start-construction", answer.getString("entryId"), "a general question gets the package");
    }

    private static JsonObject find(JsonArray materials, String name) {
        return materials.stream().map(JsonObject.class::cast).filter(m -> m.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no material " + name + " in " + materials.encode()));
    }
}
