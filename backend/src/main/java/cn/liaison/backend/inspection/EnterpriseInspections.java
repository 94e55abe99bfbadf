package cn.liaison.backend.inspection;

import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.function.BiFunction;

/**
 * The enterprise's side: its code (to show or print, and to replace when a card is lost), its
 * inspections, and rating each one. A rating of 2 or less (不满意) opens a complaint in the normal
 * request loop through the request feature's intake, so a liaison follows it up like any other.
 */
final class EnterpriseInspections {

    static final int BAD = 2;

    /** Opens a request for the enterprise user: (text, who) → {id, number}. */
    interface RequestOpener extends BiFunction<String, Principal, Future<JsonObject>> {
    }

    private final MongoClient mongo;
    private final InspectionStore store;
    private final EnterpriseCodes codes;
    private final RequestOpener requests;

    EnterpriseInspections(MongoClient mongo, InspectionStore store, EnterpriseCodes codes, RequestOpener requests) {
        this.mongo = mongo;
        this.store = store;
        this.codes = codes;
        this.requests = requests;
    }

    /** The code of an enterprise: its own users, or staff whose area holds it. */
    Future<JsonObject> code(String enterpriseId, Principal who, String origin) {
        return allowed(enterpriseId, who).compose(e -> codes.codeOf(e.id()).map(code -> view(e.id(), e.name(), code, origin)));
    }

    Future<JsonObject> rotate(String enterpriseId, Principal who, String origin) {
        return allowed(enterpriseId, who).compose(e -> codes.rotate(e.id()).map(code -> view(e.id(), e.name(), code, origin)));
    }

    Future<cn.liaison.backend.org.Enterprise> allowed(String enterpriseId, Principal who) {
        return store.enterprise(enterpriseId).compose(e -> {
            if (who.has(Role.ENTERPRISE) && enterpriseId.equals(who.enterpriseId())) {
                return Future.succeededFuture(e);
            }
            if (!who.roles().stream().anyMatch(Role::isStaff) || who.has(Role.AGENT) && who.roles().size() == 1) {
                return Future.failedFuture(ProblemException.notFound("企业不存在"));
            }
            return store.requireAreaOf(e, who).map(e);
        });
    }

    Future<JsonObject> rate(String id, JsonObject body, Principal who) {
        int score = body.getInteger("score");
        JsonObject rating = new JsonObject().put("score", score).put("comment", body.getString("comment", ""))
                .put("at", MongoDocs.date(store.now()));
        return store.getFor(id, who).compose(doc -> {
            if (!who.has(Role.ENTERPRISE) || !doc.getString("enterpriseId").equals(who.enterpriseId())) {
                return Future.failedFuture(ProblemException.notFound("检查记录不存在"));
            }
            if (!Inspections.RECORDED.equals(doc.getString("state"))) {
                return Future.failedFuture(ProblemException.conflict("检查登记后才能评价"));
            }
            JsonObject filter = new JsonObject().put("_id", id).put("state", Inspections.RECORDED)
                    .put("rating", new JsonObject().put("$exists", false));
            return mongo.findOneAndUpdateWithOptions(Inspections.COLLECTION, filter,
                            new JsonObject().put("$set", new JsonObject().put("rating", rating)), new FindOptions(),
                            new UpdateOptions().setReturningNewDocument(true))
                    .compose(updated -> updated == null ? Future.failedFuture(ProblemException.conflict("已评价过"))
                            : score > BAD ? Future.succeededFuture(updated) : openRequest(doc, rating, who));
        }).map(doc -> InspectionView.of(doc, store.today()));
    }

    private Future<JsonObject> openRequest(JsonObject doc, JsonObject rating, Principal who) {
        String text = "对" + doc.getString("unitName") + "的" + InspectionKind.valueOf(doc.getString("kind")).label()
                + "（" + doc.getString("itemName") + "）评价为 " + rating.getInteger("score") + " 分"
                + (rating.getString("comment").isBlank() ? "" : "：" + rating.getString("comment"));
        return requests.apply(text, who).compose(opened -> mongo.findOneAndUpdateWithOptions(Inspections.COLLECTION,
                new JsonObject().put("_id", doc.getString("_id")),
                new JsonObject().put("$set", new JsonObject().put("rating.requestId", opened.getString("id"))
                        .put("rating.requestNumber", opened.getString("number"))),
                new FindOptions(), new UpdateOptions().setReturningNewDocument(true)));
    }

    private static JsonObject view(String enterpriseId, String name, String code, String origin) {
        return new JsonObject().put("enterpriseId", enterpriseId).put("enterpriseName", name).put("code", code)
                .put("url", scanUrl(origin, code))
                .put("pngPath", "/api/v1/enterprises/" + enterpriseId + "/code.png")
                .put("cardPath", "/api/v1/enterprises/" + enterpriseId + "/code-card.png");
    }

    /** What the QR code holds: the scan page on this service, so any phone camera opens it. */
    static String scanUrl(String origin, String code) {
        return origin + "/inspect/#c=" + code;
    }
}
