package cn.liaison.backend.inspection;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link InspectionFigures} from one query of the month (index {@code month}), bounded at {@value #MAX}. */
final class MonthlyInspections implements InspectionFigures {

    static final int MAX = 50_000;
    static final int TOP_ENTERPRISES = 50;
    private static final JsonObject FIELDS = new JsonObject().put("enterpriseId", 1).put("enterpriseName", 1)
            .put("districtUnitId", 1).put("parkId", 1).put("kind", 1).put("state", 1).put("overCapApproved", 1)
            .put("record.flagged", 1).put("rating.score", 1).put("merged", 1).put("visitId", 1);

    private final MongoClient mongo;

    MonthlyInspections(MongoClient mongo) {
        this.mongo = mongo;
    }

    @Override
    public Future<JsonObject> monthly(YearMonth month, Set<String> unitIds) {
        return mongo.findWithOptions(Inspections.COLLECTION, new JsonObject().put("month", month.toString()),
                new FindOptions().setLimit(MAX).setFields(FIELDS)).map(docs -> summarise(docs, unitIds));
    }

    static JsonObject summarise(List<JsonObject> docs, Set<String> unitIds) {
        JsonObject byKind = new JsonObject();
        Map<String, JsonObject> byUnit = new LinkedHashMap<>();
        Map<String, JsonObject> byEnterprise = new LinkedHashMap<>();
        JsonObject ratings = new JsonObject();
        long total = 0, registered = 0, awaiting = 0, approved = 0, refused = 0, flagged = 0, merged = 0, rated = 0, bad = 0, scoreSum = 0;
        for (JsonObject d : docs) {
            String district = d.getString("districtUnitId");
            String park = d.getString("parkId");
            if (unitIds != null && !unitIds.contains(district) && (park == null || !unitIds.contains(park))) {
                continue;
            }
            String status = d.getString("state");
            if (Inspections.REFUSED.equals(status)) {
                refused++;
                continue;
            }
            total++;
            String kind = d.getString("kind");
            add(byKind, kind);
            for (String unit : park == null ? new String[] {district} : new String[] {district, park}) {
                JsonObject row = byUnit.computeIfAbsent(unit, u -> new JsonObject().put("unitId", u).put("total", 0L)
                        .put("byKind", new JsonObject()));
                row.put("total", row.getLong("total") + 1);
                add(row.getJsonObject("byKind"), kind);
            }
            JsonObject ent = byEnterprise.computeIfAbsent(d.getString("enterpriseId"), id -> new JsonObject().put("enterpriseId", id)
                    .put("enterpriseName", d.getString("enterpriseName")).put(KEY, 0L).put("visits", new JsonArray()));
            ent.put(KEY, ent.getLong(KEY) + 1);
            if (!ent.getJsonArray("visits").contains(d.getString("visitId"))) {
                ent.getJsonArray("visits").add(d.getString("visitId"));
            }
            registered += Inspections.RECORDED.equals(status) ? 1 : 0;
            awaiting += Inspections.AWAITING_APPROVAL.equals(status) ? 1 : 0;
            approved += d.getBoolean("overCapApproved", false) ? 1 : 0;
            merged += d.getBoolean("merged", false) ? 1 : 0;
            JsonObject record = d.getJsonObject("record");
            flagged += record != null && record.getBoolean("flagged", false) ? 1 : 0;
            JsonObject rating = d.getJsonObject("rating");
            if (rating != null && rating.getInteger("score") != null) {
                int score = rating.getInteger("score");
                add(ratings, String.valueOf(score));
                rated++;
                scoreSum += score;
                bad += score <= EnterpriseInspections.BAD ? 1 : 0;
            }
        }
        JsonArray enterprises = new JsonArray();
        byEnterprise.values().stream()
                .sorted(Comparator.comparingLong((JsonObject e) -> -e.getLong(KEY)).thenComparing(e -> e.getString("enterpriseId")))
                .limit(TOP_ENTERPRISES)
                .forEach(e -> enterprises.add(e.copy().put("visits", e.getJsonArray("visits").size())));
        JsonObject labels = new JsonObject();
        for (InspectionKind k : InspectionKind.values()) {
            labels.put(k.name(), k.label());
        }
        return new JsonObject().put("total", total).put("registered", registered).put("byKind", byKind).put("kindLabels", labels)
                .put("byUnit", new JsonArray(List.copyOf(byUnit.values()))).put("byEnterprise", enterprises)
                .put("enterpriseCount", byEnterprise.size())
                .put("awaitingApproval", awaiting).put("overCapApproved", approved).put("overCapRefused", refused)
                .put("flagged", flagged).put("mergedInspections", merged)
                .put("ratings", ratings).put("rated", rated).put("badRatings", bad)
                .put("averageScore", rated == 0 ? null : Math.round(scoreSum * 100.0 / rated) / 100.0)
                .put("truncated", docs.size() >= MAX);
    }

    private static void add(JsonObject counts, String key) {
        counts.put(key, counts.getLong(key, 0L) + 1);
    }
}
