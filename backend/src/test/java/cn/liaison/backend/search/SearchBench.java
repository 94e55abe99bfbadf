package cn.liaison.backend.search;

import cn.liaison.backend.request.SearchCriteria;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Search at scale (issue 15): indexes N synthetic requests shaped like the service's (content from
 * enterprise phrases, 80% closed with a reply, some with progress and internal notes; 40 liaisons,
 * 8 units, 2,000 enterprises) into {@link RequestIndex} and times searches as the ledger runs them:
 * the city (no scope), a liaison (its scope clauses), an enterprise, with a status filter, a rare
 * phrase, a request number. Prints p50 / p99 over 200 runs each. Run: deploy/search-bench.sh [N].
 */
public final class SearchBench {

    private static final String[] SUBJECTS = {"人防地下室", "防护密闭门", "人防工程", "易地建设费", "人防施工图", "战时通风",
        "人防车位", "防化设备", "竣工验收", "人防门", "早期人防工程", "人防警报器", "平战转换", "防空地下室", "人防标识"};
    private static final String[] PROBLEMS = {"漏水严重", "关闭不严", "需要办理审批", "材料不全怎么补", "收费标准是多少", "验收时间安排",
        "维护保养找谁", "被占用影响使用", "设计变更如何报备", "减免政策能否享受", "整改意见看不懂", "现场踏勘什么时候来"};
    private static final String[] REPLIES = {"已现场查看并督促施工单位整改", "已一次性告知所需材料清单", "按标准核算并出具缴费通知",
        "已协调设计单位出具变更说明", "已安排下周二现场踏勘", "政策符合条件，已指导申报"};
    private static final String[] NOTES = {"企业负责人电话难以接通", "需与规划部门会商", "该项目曾有投诉记录", "施工方态度消极，需带队上门"};

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Random random = new Random(15);
        RequestIndex index = new RequestIndex();
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        long begin = System.nanoTime();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            index.put(request(i, random, start));
        }
        long buildMs = (System.nanoTime() - begin) / 1_000_000;
        index.search("预热", criteria(List.of()), 10);
        System.gc();
        long heap = rt.totalMemory() - rt.freeMemory() - heapBefore;
        System.out.printf("indexed %,d requests in %,d ms (%.0f per second); heap used by the index about %,d MB%n",
                n, buildMs, n * 1000.0 / Math.max(1, buildMs), heap / 1_000_000);
        List<Map<String, Set<String>>> liaison = List.of(Map.of("createdBy", Set.of("user-liaison-7")),
                Map.of("liaisonId", Set.of("user-liaison-7")),
                Map.of("unitId", Set.of("unit-3"), "status", Set.of("ASSIGNED", "IN_PROGRESS", "REWORK", "RECEIVED", "ASSESSED", "RESPONDED")));
        List<Map<String, Set<String>>> enterprise = List.of(Map.of("createdBy", Set.of("user-ent-42")),
                Map.of("enterpriseId", Set.of("ent-42")));
        time(index, "city: 防护密闭门 漏水", "防护密闭门漏水", criteria(List.of()));
        time(index, "city: 人防 (one common word)", "人防", criteria(List.of()));
        time(index, "city: rare phrase in an internal note", "带队上门", criteria(List.of()));
        time(index, "liaison scope: 验收", "竣工验收时间", criteria(List.of(liaison)));
        time(index, "enterprise scope: 收费标准", "易地建设费收费标准", new SearchCriteria(false, List.of(enterprise), null, null, null, Instant.now()));
        time(index, "city + status=CLOSED: 施工图", "人防施工图设计变更", criteria(List.of(List.of(Map.of("status", Set.of("CLOSED"))))));
        time(index, "request number", "SQ20260301-0042", criteria(List.of()));
        index.close();
    }

    private static SearchCriteria criteria(List<List<Map<String, Set<String>>>> groups) {
        return new SearchCriteria(true, groups, null, null, null, Instant.now());
    }

    private static void time(RequestIndex index, String label, String q, SearchCriteria criteria) {
        int runs = 200;
        long[] ns = new long[runs];
        int hits = 0;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            hits = index.search(q, criteria, 51).size();
            ns[i] = System.nanoTime() - t;
        }
        Arrays.sort(ns);
        System.out.printf("%-45s p50 %6.2f ms  p99 %6.2f ms  (%d hits on the first page)%n", label,
                ns[runs / 2] / 1e6, ns[runs * 99 / 100] / 1e6, hits);
    }

    private static JsonObject request(int i, Random random, Instant start) {
        Instant created = start.plusSeconds(i * 250L);
        String day = java.time.format.DateTimeFormatter.BASIC_ISO_DATE.format(created.atZone(java.time.ZoneId.of("Asia/Shanghai")));
        String status = random.nextInt(10) < 8 ? "CLOSED" : List.of("ASSIGNED", "IN_PROGRESS", "RESPONDED", "REWORK").get(random.nextInt(4));
        String content = "我司" + SUBJECTS[random.nextInt(SUBJECTS.length)] + PROBLEMS[random.nextInt(PROBLEMS.length)] + "，"
                + SUBJECTS[random.nextInt(SUBJECTS.length)] + "也想咨询一下" + PROBLEMS[random.nextInt(PROBLEMS.length)];
        JsonArray history = new JsonArray().add(new JsonObject().put("action", "CREATE"));
        if (!"ASSIGNED".equals(status)) {
            history.add(new JsonObject().put("action", "PROGRESS").put("note", REPLIES[random.nextInt(REPLIES.length)]));
        }
        if (random.nextInt(10) == 0) {
            history.add(new JsonObject().put("action", "NOTE").put("internal", true).put("note", NOTES[random.nextInt(NOTES.length)]));
        }
        if ("CLOSED".equals(status) || "RESPONDED".equals(status)) {
            history.add(new JsonObject().put("action", "RESPOND").put("note", REPLIES[random.nextInt(REPLIES.length)]));
        }
        int liaison = random.nextInt(40);
        int enterprise = random.nextInt(2000);
        return new JsonObject().put("_id", "req-" + i).put("version", 3).put("number", "SQ" + day + "-" + String.format("%04d", i % 10000))
                .put("content", content).put("status", status).put("type", "DEMAND").put("channel", "MINIPROGRAM")
                .put("unitId", "unit-" + liaison % 8).put("district", "unit-" + liaison % 8).put("liaisonId", "user-liaison-" + liaison)
                .put("enterpriseId", "ent-" + enterprise).put("createdBy", new JsonObject().put("id", "user-ent-" + enterprise))
                .put("createdAt", new JsonObject().put("$date", created.toString())).put("history", history);
    }

    private SearchBench() {
    }
}
