package cn.liaison.backend.identity;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Mini-program users in {@code users}, keyed by openid: {@code _id = "wx-" + a hash of the openid}
 * (so two concurrent first logins create one account), role ENTERPRISE, no enterprise until bound,
 * {@code openid}, {@code unionid} when WeChat gives one, and a password hash that never matches.
 */
@Published
public final class WechatUsers {

    static final String COLLECTION = IdentityCollections.USERS.name();
    /** Not a PBKDF2 value: password login can never succeed for a WeChat account. */
    static final String NO_PASSWORD = "wechat-login-only";
    static final String DEFAULT_NAME = "微信用户";

    private final MongoClient mongo;

    public WechatUsers(MongoClient mongo) {
        this.mongo = mongo;
    }

    public static String idFor(String openid) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(openid.getBytes(StandardCharsets.UTF_8));
            return "wx-" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The account for this openid, created on first login. */
    public Future<Principal> signIn(String openid, String unionid, Instant now) {
        String id = idFor(openid);
        JsonObject set = new JsonObject().put("lastLoginAt", MongoDocs.date(now));
        if (unionid != null && !unionid.isBlank()) {
            set.put("unionid", unionid);
        }
        JsonObject update = new JsonObject()
                .put("$setOnInsert", new JsonObject().put("username", id).put("name", DEFAULT_NAME)
                        .put("roles", new JsonArray().add(Role.ENTERPRISE.name())).put("passwordHash", NO_PASSWORD)
                        .put("active", true).put("failedLogins", 0).put("openid", openid)
                        .put("createdAt", MongoDocs.date(now)))
                .put("$set", set);
        return mongo.findOneAndUpdateWithOptions(COLLECTION, new JsonObject().put("_id", id), update, new FindOptions(),
                        new UpdateOptions().setUpsert(true).setReturningNewDocument(true))
                .recover(e -> MongoDocs.isDuplicateKey(e)
                        ? mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null)
                        : Future.failedFuture(e))
                .compose(doc -> doc == null ? mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null)
                        : Future.succeededFuture(doc))
                .map(WechatUsers::principal);
    }

    public Future<Optional<Principal>> principalOf(String userId) {
        return mongo.findOne(COLLECTION, new JsonObject().put("_id", userId), null)
                .map(doc -> Optional.ofNullable(doc).map(WechatUsers::principal));
    }

    /** What the chat bot pre-fills for a user: phone, contact name, and whether they signed in with WeChat. */
    public record Contact(String phone, String contactName, boolean wechat) {
    }

    /** Any user's contact details (staff included); empty when there is no such user. */
    public Future<Optional<Contact>> contactOf(String userId) {
        return mongo.findOne(COLLECTION, new JsonObject().put("_id", userId),
                        new JsonObject().put("phone", 1).put("contactName", 1).put("openid", 1))
                .map(doc -> Optional.ofNullable(doc).map(d -> new Contact(d.getString("phone"), d.getString("contactName"),
                        d.getString("openid") != null)));
    }

    /** The openid of a user who signed in with WeChat; empty for others. */
    public Future<Optional<String>> openidOf(String userId) {
        return mongo.findOne(COLLECTION, new JsonObject().put("_id", userId), new JsonObject().put("openid", 1))
                .map(doc -> Optional.ofNullable(doc).map(d -> d.getString("openid")));
    }

    public Future<Void> setContact(String userId, String contactName, String phone) {
        return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", userId), new JsonObject().put("$set",
                new JsonObject().put("contactName", contactName).put("phone", phone))).mapEmpty();
    }

    public Future<Void> bind(String userId, String enterpriseId) {
        return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", userId),
                new JsonObject().put("$set", new JsonObject().put("enterpriseId", enterpriseId))).mapEmpty();
    }

    static Principal principal(JsonObject d) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        d.getJsonArray("roles", new JsonArray()).forEach(r -> roles.add(Role.valueOf(String.valueOf(r))));
        return new Principal(d.getString("_id"), d.getString("name", DEFAULT_NAME), roles, d.getString("unitId"),
                d.getString("enterpriseId"));
    }
}
