package cn.liaison.backend.identity;

import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;

import cn.liaison.backend.platform.http.FieldError;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.ProblemType;
import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * 人员管理: city admins manage every staff account; unit heads those of their unit and the units
 * below it, without granting or touching 市级管理员. Nobody disables themselves or changes their own
 * roles (so the last admin cannot lock the office out by a slip). Accounts are never deleted (the
 * requests' history names them): they are disabled, which ends their sessions at once.
 */
public final class StaffService {

    static final int PASSWORD_LENGTH = 16;
    private static final String WECOM_ID = "[A-Za-z0-9._@-]{1,64}";

    private final StaffStore store;
    private final UnitDirectory units;
    private final LoginService logins;
    private final PasswordHasher hasher;
    private final Clock clock;

    public StaffService(io.vertx.ext.mongo.MongoClient mongo, UnitDirectory units, LoginService logins,
                        PasswordHasher hasher, Clock clock) {
        this.store = new StaffStore(mongo);
        this.units = units;
        this.logins = logins;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** {items, nextCursor}: the caller's staff, filtered, at most {@code limit}. */
    public Future<JsonObject> list(Principal me, String text, String unitId, Role role, Boolean active, String cursor, int limit) {
        Future<Set<String>> scope = me.has(Role.CITY_ADMIN) ? Future.succeededFuture(null) : units.subtreeIds(me.unitId());
        return scope
                .compose(ids -> {
                    Set<String> unitIds = ids;
                    if (unitId != null) {
                        unitIds = ids == null || ids.contains(unitId) ? Set.of(unitId) : Set.of();
                    }
                    String q = text == null || text.isBlank() ? null : text.strip();
                    return store.page(new StaffStore.Query(unitIds, role, active, q, cursor, limit));
                })
                .map(docs -> new JsonObject()
                        .put("items", new JsonArray(docs.stream().map(StaffService::view).toList()))
                        .put("nextCursor", docs.size() == limit ? docs.get(docs.size() - 1).getString("_id") : null));
    }

    public Future<JsonObject> get(Principal me, String id) {
        return visible(me, id).map(StaffService::view);
    }

    /** {user, password}: the generated password is shown once, to the administrator who created the account. */
    public Future<JsonObject> create(Principal me, JsonObject body) {
        String username = UserAccount.normalize(body.getString("username"));
        Set<Role> roles = roles(body.getJsonArray("roles"));
        String unitId = body.getString("unitId");
        String wecomUserId = blankToNull(body.getString("wecomUserId"));
        List<FieldError> errors = new ArrayList<>();
        if (!username.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            errors.add(new FieldError("username", "用户名须为 2-64 位小写字母、数字、点、下划线或连字符"));
        }
        if (body.getString("name").isBlank()) {
            errors.add(new FieldError("name", "姓名不能为空"));
        }
        if (wecomUserId != null && !wecomUserId.matches(WECOM_ID)) {
            errors.add(new FieldError("wecomUserId", "企业微信账号只能含字母、数字和 . _ @ -"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("新账号有 " + errors.size() + " 处问题", errors);
        }
        mayGrant(me, roles);
        String password = hasher.randomPassword(PASSWORD_LENGTH);
        return unitInScope(me, unitId)
                .compose(v -> wecomUserId == null ? Future.succeededFuture() : wecomFree(wecomUserId, ""))
                .compose(v -> logins.hash(password))
                .compose(hash -> {
                    JsonObject doc = new JsonObject().put("_id", "user-" + UUID.randomUUID()).put("username", username)
                            .put("name", body.getString("name").strip())
                            .put("roles", new JsonArray(roles.stream().map(Enum::name).toList())).put("unitId", unitId)
                            .put("enterpriseId", null).put("passwordHash", hash).put("phone", blankToNull(body.getString("phone")))
                            .put("active", true).put("failedLogins", 0).put(MongoUsers.TOKEN_VERSION, 0)
                            .put("createdAt", MongoDocs.date(clock.instant())).put("createdBy", me.userId());
                    if (wecomUserId != null) {
                        doc.put("wecomUserId", wecomUserId);
                    }
                    return store.insert(doc).map(doc);
                })
                .recover(e -> Future.failedFuture(MongoDocs.isDuplicateKey(e)
                        ? ProblemException.conflict("用户名 " + username + " 已被使用") : e))
                .map(doc -> new JsonObject().put("user", view(doc)).put("password", password));
    }

    /** Changes what the body names; roles, unit or active end the account's sessions. */
    public Future<JsonObject> update(Principal me, String id, JsonObject body) {
        JsonObject set = new JsonObject();
        JsonObject unset = new JsonObject();
        boolean self = id.equals(me.userId());
        if (self && (body.containsKey("roles") || Boolean.FALSE.equals(body.getBoolean("active")))) {
            throw ProblemException.conflict("不能停用自己的账号或修改自己的角色，请由其他管理员操作");
        }
        Set<Role> roles = body.containsKey("roles") ? roles(body.getJsonArray("roles")) : null;
        if (roles != null) {
            mayGrant(me, roles);
            set.put("roles", new JsonArray(roles.stream().map(Enum::name).toList()));
        }
        if (body.containsKey("name")) {
            if (body.getString("name").isBlank()) {
                throw ProblemException.invalid("姓名不能为空", List.of(new FieldError("name", "姓名不能为空")));
            }
            set.put("name", body.getString("name").strip());
        }
        if (body.containsKey("phone")) {
            set.put("phone", blankToNull(body.getString("phone")));
        }
        if (body.containsKey("active")) {
            set.put("active", body.getBoolean("active"));
        }
        String wecom = body.containsKey("wecomUserId") ? blankToNull(body.getString("wecomUserId")) : null;
        if (wecom != null && !wecom.matches(WECOM_ID)) {
            throw ProblemException.invalid("企业微信账号格式不正确",
                    List.of(new FieldError("wecomUserId", "企业微信账号只能含字母、数字和 . _ @ -")));
        }
        if (body.containsKey("wecomUserId")) {
            if (wecom == null) {
                unset.put("wecomUserId", "");
            } else {
                set.put("wecomUserId", wecom);
            }
        }
        String unitId = body.getString("unitId");
        boolean revoke = roles != null || unitId != null || body.containsKey("active");
        return visible(me, id)
                .compose(v -> unitId == null ? Future.succeededFuture() : unitInScope(me, unitId).map(x -> set.put("unitId", unitId)))
                .compose(v -> wecom == null ? Future.succeededFuture() : wecomFree(wecom, id))
                .compose(v -> store.update(id, set, unset, revoke, clock.instant()))
                .map(doc -> view(doc.orElseThrow(() -> ProblemException.notFound("人员 " + id + " 不存在"))));
    }

    /** {password}: a new generated password, shown once; the account's sessions end. */
    public Future<JsonObject> resetPassword(Principal me, String id) {
        String password = hasher.randomPassword(PASSWORD_LENGTH);
        return visible(me, id)
                .compose(v -> logins.hash(password))
                .compose(hash -> store.update(id, new JsonObject().put("passwordHash", hash), new JsonObject(), true, clock.instant()))
                .map(doc -> new JsonObject().put("id", id).put("password", password));
    }

    /** The account when the caller may manage it; 404 otherwise (no hint that it exists). */
    private Future<JsonObject> visible(Principal me, String id) {
        return store.find(id).compose(found -> {
            JsonObject doc = found.orElseThrow(() -> ProblemException.notFound("人员 " + id + " 不存在"));
            if (me.has(Role.CITY_ADMIN)) {
                return Future.succeededFuture(doc);
            }
            boolean admin = doc.getJsonArray("roles", new JsonArray()).contains(Role.CITY_ADMIN.name());
            return units.subtreeIds(me.unitId()).map(ids -> {
                if (admin || !ids.contains(doc.getString("unitId"))) {
                    throw ProblemException.notFound("人员 " + id + " 不存在");
                }
                return doc;
            });
        });
    }

    private Future<Void> unitInScope(Principal me, String unitId) {
        return units.find(unitId).compose(unit -> {
            if (unit.isEmpty()) {
                throw ProblemException.invalid("单位不存在", List.of(new FieldError("unitId", "单位 " + unitId + " 不存在")));
            }
            return me.has(Role.CITY_ADMIN) ? Future.succeededFuture() : units.subtreeIds(me.unitId()).map(ids -> {
                if (!ids.contains(unitId)) {
                    throw ProblemException.of(ProblemType.FORBIDDEN, "只能管理本单位及下级单位的人员");
                }
                return null;
            });
        });
    }

    private Future<Void> wecomFree(String wecomUserId, String exceptId) {
        return store.wecomLinkedTo(wecomUserId, exceptId).map(other -> {
            if (other.isPresent()) {
                throw ProblemException.conflict("企业微信账号 " + wecomUserId + " 已关联其他人员");
            }
            return null;
        });
    }

    private static void mayGrant(Principal me, Set<Role> roles) {
        if (roles.contains(Role.CITY_ADMIN) && !me.has(Role.CITY_ADMIN)) {
            throw ProblemException.of(ProblemType.FORBIDDEN, "只有市级管理员可以授予市级管理员角色");
        }
    }

    private static Set<Role> roles(JsonArray names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(n -> roles.add(Role.valueOf(String.valueOf(n))));
        if (roles.isEmpty() || roles.contains(Role.ENTERPRISE)) {
            throw ProblemException.invalid("角色不正确", List.of(new FieldError("roles", "至少一个工作人员角色，不含企业用户")));
        }
        return roles;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static JsonObject view(JsonObject d) {
        JsonArray roles = d.getJsonArray("roles", new JsonArray());
        return new JsonObject().put("id", d.getString("_id")).put("username", d.getString("username"))
                .put("name", d.getString("name")).put("roles", roles)
                .put("roleLabels", new JsonArray(roles.stream().map(r -> Role.valueOf(String.valueOf(r)).label()).toList()))
                .put("unitId", d.getString("unitId")).put("phone", d.getString("phone"))
                .put("wecomUserId", d.getString("wecomUserId")).put("active", d.getBoolean("active", true))
                .put("lastLoginAt", MongoDocs.apiTime(MongoDocs.instant(d.getValue("lastLoginAt"))));
    }

}
