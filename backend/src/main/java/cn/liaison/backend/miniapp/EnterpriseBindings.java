package cn.liaison.backend.miniapp;

import cn.liaison.backend.identity.WechatUsers;
import cn.liaison.backend.platform.http.FieldError;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.org.CreditCode;
import cn.liaison.backend.org.Enterprise;
import cn.liaison.backend.org.EnterpriseRegister;
import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 企业绑定: a WeChat user asks to act for an enterprise; a unit head of the enterprise's district (or
 * a city admin, who also decides for enterprises not yet known) approves or rejects it in
 * {@code enterprise_bindings}. Approval sets the user's enterprise; the user's next token carries
 * it. Only with {@code DEMO=on} are bindings to the demo enterprises approved at once (by "system"),
 * so the demo works end to end; otherwise every binding waits for staff, whatever the stores.
 * Phone numbers are shown in full to the approving staff only.
 */
public final class EnterpriseBindings {

    static final String COLLECTION = MiniAppCollections.BINDINGS.name();

    /** A binding request's own states (in enterprise_bindings). */
    enum State { PENDING, APPROVED, REJECTED }

    private static final String PENDING = State.PENDING.name();

    private final MongoClient mongo;
    private final WechatUsers users;
    private final EnterpriseRegister enterprises;
    private final UnitDirectory units;
    private final Clock clock;
    private final boolean approveDemoAtOnce;

    public EnterpriseBindings(MongoClient mongo, WechatUsers users, EnterpriseRegister enterprises, UnitDirectory units,
                              Clock clock, boolean approveDemoAtOnce) {
        this.mongo = mongo;
        this.users = users;
        this.enterprises = enterprises;
        this.units = units;
        this.clock = clock;
        this.approveDemoAtOnce = approveDemoAtOnce;
    }

    public Future<JsonObject> request(Principal me, JsonObject body) {
        if (me.enterpriseId() != null) {
            throw ProblemException.conflict("您已绑定企业，如需变更请联系工作人员");
        }
        String creditCode = body.getString("creditCode", "").strip().toUpperCase(java.util.Locale.ROOT);
        String phone = body.getString("phone", "").replaceAll("[\\s-]", "");
        List<FieldError> errors = new ArrayList<>();
        CreditCode.problem(creditCode).ifPresent(p -> errors.add(new FieldError("creditCode", "统一社会信用代码不正确：" + p)));
        if (!phone.matches("\\+?[0-9]{5,20}")) {
            errors.add(new FieldError("phone", "电话号码格式不正确"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("绑定申请有 " + errors.size() + " 处问题", errors);
        }
        Instant now = clock.instant();
        return mongo.findOne(COLLECTION, new JsonObject().put("userId", me.userId()).put("status", PENDING), null)
                .compose(pending -> pending != null
                        ? Future.failedFuture(ProblemException.conflict("已有待审核的绑定申请，请耐心等待"))
                        : enterprises.byCreditCode(creditCode).map(found -> found.orElse(null)))
                .compose(known -> {
                    JsonObject doc = new JsonObject().put("_id", UUID.randomUUID().toString()).put("userId", me.userId())
                            .put("creditCode", creditCode).put("name", body.getString("name").strip())
                            .put("contactName", body.getString("contactName").strip()).put("phone", phone)
                            .put("enterpriseId", known == null ? null : known.id())
                            .put("unitId", known == null ? null : known.districtUnitId())
                            .put("status", PENDING).put("createdAt", MongoDocs.date(now));
                    return users.setContact(me.userId(), doc.getString("contactName"), phone)
                            .compose(v -> mongo.insert(COLLECTION, doc))
                            .compose(v -> known != null && approveDemoAtOnce && known.id().startsWith("enterprise-demo-")
                                    ? decide(doc, true, "system", "演示企业自动通过", null)
                                    : Future.succeededFuture(doc));
                })
                .map(doc -> view(doc, false));
    }

    /** The user's latest binding request, if any. */
    public Future<JsonObject> mine(Principal me) {
        return mongo.findWithOptions(COLLECTION, new JsonObject().put("userId", me.userId()),
                        new FindOptions().setSort(new JsonObject().put("createdAt", -1)).setLimit(1))
                .map(docs -> docs.isEmpty() ? null : view(docs.get(0), false));
    }

    /** Pending requests a unit head (their unit and below, and unknown enterprises for city admins) decides. */
    public Future<JsonArray> pending(Principal staff) {
        Future<JsonObject> filter = staff.has(Role.CITY_ADMIN) ? Future.succeededFuture(new JsonObject())
                : units.subtreeIds(staff.unitId()).map(ids -> new JsonObject().put("unitId",
                new JsonObject().put("$in", new JsonArray(List.copyOf(ids)))));
        return filter.compose(f -> mongo.findWithOptions(COLLECTION, f.put("status", PENDING),
                        new FindOptions().setSort(new JsonObject().put("createdAt", 1)).setLimit(200)))
                .map(docs -> new JsonArray(docs.stream().map(d -> view(d, true)).toList()));
    }

    public Future<JsonObject> decide(String id, Principal staff, boolean approve, String note, String districtUnitId) {
        return mongo.findOne(COLLECTION, new JsonObject().put("_id", id).put("status", PENDING), null)
                .compose(doc -> {
                    if (doc == null) {
                        return Future.failedFuture(ProblemException.notFound("绑定申请 " + id + " 不存在或已处理"));
                    }
                    String unitId = doc.getString("unitId");
                    Future<Boolean> allowed = staff.has(Role.CITY_ADMIN) ? Future.succeededFuture(true)
                            : unitId == null || staff.unitId() == null ? Future.succeededFuture(false)
                            : units.subtreeIds(staff.unitId()).map(ids -> ids.contains(unitId));
                    return allowed.compose(ok -> ok ? decide(doc, approve, staff.name(), note, districtUnitId)
                            : Future.failedFuture(ProblemException.notFound("绑定申请 " + id + " 不存在或已处理")));
                })
                .map(doc -> view(doc, true));
    }

    private Future<JsonObject> decide(JsonObject doc, boolean approve, String by, String note, String districtUnitId) {
        Future<String> enterpriseId = !approve || doc.getString("enterpriseId") != null
                ? Future.succeededFuture(doc.getString("enterpriseId"))
                : createEnterprise(doc, districtUnitId);
        return enterpriseId.compose(eid -> {
            JsonObject set = new JsonObject().put("status", (approve ? State.APPROVED : State.REJECTED).name()).put("decidedBy", by)
                    .put("decidedAt", MongoDocs.date(clock.instant())).put("note", note).put("enterpriseId", eid);
            return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", doc.getString("_id")).put("status", PENDING),
                            new JsonObject().put("$set", set))
                    .compose(v -> approve ? users.bind(doc.getString("userId"), eid) : Future.succeededFuture())
                    .map(v -> doc.copy().mergeIn(set));
        });
    }

    private Future<String> createEnterprise(JsonObject doc, String districtUnitId) {
        if (districtUnitId == null || districtUnitId.isBlank()) {
            return Future.failedFuture(ProblemException.invalid("该企业尚未登记，批准时需指定所属区",
                    List.of(new FieldError("districtUnitId", "请指定企业所属区的单位编号"))));
        }
        String id = "enterprise-" + UUID.randomUUID();
        return units.find(districtUnitId)
                .compose(unit -> unit.isEmpty()
                        ? Future.failedFuture(ProblemException.invalid("单位不存在", List.of(new FieldError("districtUnitId", "单位不存在"))))
                        : enterprises.insert(new Enterprise(id, doc.getString("name"), doc.getString("creditCode"), districtUnitId, null),
                        List.of(new cn.liaison.backend.org.Contact(doc.getString("contactName"), doc.getString("phone")))))
                .recover(e -> MongoDocs.isDuplicateKey(e)
                        ? Future.failedFuture(ProblemException.conflict("该信用代码的企业已存在"))
                        : Future.failedFuture(e))
                .map(id);
    }

    static JsonObject view(JsonObject d, boolean staff) {
        String phone = d.getString("phone");
        return new JsonObject().put("id", d.getString("_id")).put("status", d.getString("status"))
                .put("creditCode", d.getString("creditCode")).put("name", d.getString("name"))
                .put("contactName", d.getString("contactName"))
                .put("phone", staff ? phone : cn.liaison.backend.platform.log.Masking.maskPhone(phone))
                .put("enterpriseId", d.getString("enterpriseId")).put("unitId", d.getString("unitId"))
                .put("createdAt", MongoDocs.apiTime(MongoDocs.instant(d.getValue("createdAt"))))
                .put("decidedAt", MongoDocs.apiTime(MongoDocs.instant(d.getValue("decidedAt"))))
                .put("note", d.getString("note"));
    }
}
