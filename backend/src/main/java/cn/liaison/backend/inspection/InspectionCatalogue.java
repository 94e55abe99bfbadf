package cn.liaison.backend.inspection;

import cn.liaison.backend.inspection.InspectionRules.Limits;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.http.FieldError;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What city admins maintain: the published list of inspection items (涉企行政检查事项目录, public:
 * an enterprise may check that an inspection is on it) in {@code inspection_items}, and the caps of
 * 无事不扰 in {@code inspection_settings}. A withdrawn item stays (old inspections name it) but is
 * no longer offered. The list is small by nature; it is read whole, at most {@value #MAX_ITEMS}.
 */
final class InspectionCatalogue {

    static final String ITEMS = InspectionCollections.ITEMS.name();
    static final String SETTINGS = InspectionCollections.SETTINGS.name();
    static final int MAX_ITEMS = 500;

    private final MongoClient mongo;
    private final Clock clock;

    InspectionCatalogue(MongoClient mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    Future<JsonObject> items(boolean withWithdrawn) {
        JsonObject filter = withWithdrawn ? new JsonObject() : new JsonObject().put("withdrawn", new JsonObject().put("$ne", true));
        return mongo.findWithOptions(ITEMS, filter, new FindOptions().setLimit(MAX_ITEMS).setSort(new JsonObject().put("_id", 1)))
                .map(docs -> new JsonObject().put("items", new JsonArray(docs.stream().map(InspectionCatalogue::item).toList())));
    }

    Future<JsonObject> item(String id) {
        return mongo.findOne(ITEMS, new JsonObject().put("_id", id), null).compose(doc -> doc == null || doc.getBoolean("withdrawn", false)
                ? Future.failedFuture(ProblemException.invalid("检查事项不在目录中", List.of(new FieldError("itemId", "不在涉企行政检查事项目录中"))))
                : Future.succeededFuture(item(doc)));
    }

    Future<JsonObject> put(String id, JsonObject body, Principal who) {
        JsonObject set = new JsonObject().put("name", body.getString("name").strip())
                .put("basis", body.getString("basis", "")).put("subject", body.getString("subject", ""))
                .put("department", body.getString("department", "")).put("withdrawn", false)
                .put("updatedBy", who.name()).put("updatedAt", MongoDocs.date(clock.instant()));
        return mongo.count(ITEMS, new JsonObject()).compose(n -> n >= MAX_ITEMS
                        ? mongo.findOne(ITEMS, new JsonObject().put("_id", id), null).compose(existing -> existing == null
                        ? Future.failedFuture(ProblemException.conflict("目录最多 " + MAX_ITEMS + " 项")) : Future.succeededFuture())
                        : Future.succeededFuture())
                .compose(v -> mongo.updateCollectionWithOptions(ITEMS, new JsonObject().put("_id", id),
                        new JsonObject().put("$set", set), new UpdateOptions().setUpsert(true)))
                .compose(v -> mongo.findOne(ITEMS, new JsonObject().put("_id", id), null)).map(InspectionCatalogue::item);
    }

    Future<JsonObject> withdraw(String id) {
        return mongo.findOneAndUpdate(ITEMS, new JsonObject().put("_id", id),
                        new JsonObject().put("$set", new JsonObject().put("withdrawn", true)))
                .compose(doc -> doc == null ? Future.failedFuture(ProblemException.notFound("没有这个检查事项"))
                        : Future.succeededFuture(item(doc.put("withdrawn", true))));
    }

    Future<Limits> limits() {
        return mongo.findOne(SETTINGS, new JsonObject().put("_id", "limits"), null).map(doc -> {
            if (doc == null) {
                return Limits.DEFAULT;
            }
            Map<InspectionKind, Integer> caps = new EnumMap<>(InspectionKind.class);
            JsonObject kinds = doc.getJsonObject("kindCaps", new JsonObject());
            kinds.fieldNames().forEach(k -> InspectionKind.parse(k).ifPresent(kind -> caps.put(kind, kinds.getInteger(k))));
            return new Limits(doc.getInteger("yearlyCap", Limits.DEFAULT.yearlyCap()), caps);
        });
    }

    Future<JsonObject> putLimits(JsonObject body, Principal who) {
        JsonObject kindCaps = body.getJsonObject("kindCaps", new JsonObject());
        for (String kind : kindCaps.fieldNames()) {
            if (InspectionKind.parse(kind).filter(InspectionKind::counted).isEmpty()) {
                return Future.failedFuture(ProblemException.invalid("不计入上限的检查类型不设上限",
                        List.of(new FieldError("kindCaps." + kind, "只能为双随机抽查、专项检查、投诉核查设上限"))));
            }
        }
        JsonObject doc = new JsonObject().put("_id", "limits").put("yearlyCap", body.getInteger("yearlyCap"))
                .put("kindCaps", kindCaps).put("updatedBy", who.name()).put("updatedAt", MongoDocs.date(clock.instant()));
        return mongo.save(SETTINGS, doc).compose(v -> limitsJson());
    }

    Future<JsonObject> limitsJson() {
        return limits().map(l -> {
            JsonObject caps = new JsonObject();
            l.kindCaps().forEach((k, v) -> caps.put(k.name(), v));
            JsonArray kinds = new JsonArray();
            for (InspectionKind k : InspectionKind.values()) {
                kinds.add(new JsonObject().put("kind", k.name()).put("label", k.label()).put("counted", k.counted()));
            }
            return new JsonObject().put("yearlyCap", l.yearlyCap()).put("kindCaps", caps).put("kinds", kinds)
                    .put("mergePeriod", "同一企业同一自然月内多个单位的计划检查合并为一次（综合查一次）");
        });
    }

    /** Demo mode only: three items so the scan page has something to offer. */
    Future<Void> seedDemo(Principal system) {
        return mongo.count(ITEMS, new JsonObject()).compose(n -> n > 0 ? Future.succeededFuture() : Future.all(List.of(
                put("rfgc-quality", new JsonObject().put("name", "人防工程质量监督检查").put("subject", "在建人防工程")
                        .put("department", "人防工程质量监督"), system),
                put("rfgc-use", new JsonObject().put("name", "人防工程平时使用检查").put("subject", "已建人防工程的使用单位")
                        .put("department", "人防工程管理"), system),
                put("rfgc-maintenance", new JsonObject().put("name", "人防工程维护管理检查").put("subject", "人防工程的维护管理单位")
                        .put("department", "人防工程管理"), system))).mapEmpty());
    }

    private static JsonObject item(JsonObject doc) {
        return new JsonObject().put("id", doc.getString("_id")).put("name", doc.getString("name"))
                .put("basis", doc.getString("basis", "")).put("subject", doc.getString("subject", ""))
                .put("department", doc.getString("department", "")).put("withdrawn", doc.getBoolean("withdrawn", false));
    }
}
