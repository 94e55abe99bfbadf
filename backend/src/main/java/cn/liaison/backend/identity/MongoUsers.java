package cn.liaison.backend.identity;

import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.platform.store.IndexRegistry;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code users} collection: {@code {_id, username, name, roles[], unitId, enterpriseId,
 * passwordHash, phone, active, failedLogins, lockedUntil, lastLoginAt}}, with a unique index on
 * {@code username}.
 */
public final class MongoUsers implements UserAccounts, UserDirectory, TokenVersions {

    static final String COLLECTION = IdentityCollections.USERS.name();
    /** See {@link TokenVersions}; absent means 0. */
    static final String TOKEN_VERSION = "tokenVersion";

    private final MongoClient mongo;

    public MongoUsers(MongoClient mongo) {
        this.mongo = mongo;
    }

    public Future<Void> ensureIndexes() {
        return IndexRegistry.apply(mongo, IdentityCollections.USERS);
    }

    @Override
    public Future<Optional<UserAccount>> byUsername(String normalizedUsername) {
        return findOne(new JsonObject().put("username", normalizedUsername));
    }

    @Override
    public Future<Optional<UserAccount>> byId(String id) {
        return findOne(new JsonObject().put("_id", id));
    }

    @Override
    public Future<Optional<Integer>> activeVersion(String userId) {
        return mongo.findOne(COLLECTION, new JsonObject().put("_id", userId),
                        new JsonObject().put("active", 1).put(TOKEN_VERSION, 1))
                .map(doc -> doc == null || !doc.getBoolean("active", true)
                        ? Optional.<Integer>empty()
                        : Optional.of(doc.getInteger(TOKEN_VERSION, 0)));
    }

    @Override
    public Future<Void> revokeTokens(String userId) {
        return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", userId),
                new JsonObject().put("$inc", new JsonObject().put(TOKEN_VERSION, 1))).mapEmpty();
    }

    @Override
    public Future<Void> recordSuccess(String id, Instant at) {
        return set(id, new JsonObject().put("failedLogins", 0).putNull("lockedUntil").put("lastLoginAt", MongoDocs.date(at)));
    }

    @Override
    public Future<Long> count() {
        return mongo.count(COLLECTION, new JsonObject());
    }

    @Override
    public Future<Void> insert(UserAccount account) {
        return mongo.insert(COLLECTION, toDocument(account)).mapEmpty();
    }

    @Override
    public Future<Optional<StaffMember>> find(String userId) {
        return byId(userId).map(found -> found.map(UserAccount::staffMember));
    }

    @Override
    public Future<List<StaffMember>> liaisonsOf(String unitId) {
        return active(new JsonObject().put("unitId", unitId).put("roles", Role.LIAISON.name()));
    }

    @Override
    public Future<List<StaffMember>> unitHeadsOf(String unitId) {
        return active(new JsonObject().put("unitId", unitId).put("roles", Role.UNIT_HEAD.name()));
    }

    @Override
    public Future<List<StaffMember>> cityAdmins() {
        return active(new JsonObject().put("roles", Role.CITY_ADMIN.name()));
    }

    /** Ids of the active accounts acting for an enterprise (whom to tell about its projects). */
    @Override
    public Future<List<String>> enterpriseUserIds(String enterpriseId) {
        JsonObject query = new JsonObject().put("enterpriseId", enterpriseId).put("roles", Role.ENTERPRISE.name()).put("active", true);
        return mongo.findWithOptions(COLLECTION, query, new FindOptions().setSort(new JsonObject().put("_id", 1))
                        .setFields(new JsonObject().put("_id", 1)))
                .map(docs -> docs.stream().map(d -> d.getString("_id")).toList());
    }

    private Future<List<StaffMember>> active(JsonObject query) {
        return mongo.findWithOptions(COLLECTION, query.put("active", true), new FindOptions().setSort(new JsonObject().put("_id", 1)))
                .map(docs -> docs.stream().map(MongoUsers::fromDocument).map(UserAccount::staffMember).toList());
    }

    private Future<Optional<UserAccount>> findOne(JsonObject query) {
        return mongo.findOne(COLLECTION, query, null).map(doc -> Optional.ofNullable(doc).map(MongoUsers::fromDocument));
    }

    private Future<Void> set(String id, JsonObject fields) {
        return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", id), new JsonObject().put("$set", fields))
                .mapEmpty();
    }

    static JsonObject toDocument(UserAccount a) {
        return new JsonObject()
                .put("_id", a.id())
                .put("username", a.username())
                .put("name", a.name())
                .put("roles", new JsonArray(a.roles().stream().map(Enum::name).toList()))
                .put("unitId", a.unitId())
                .put("enterpriseId", a.enterpriseId())
                .put("passwordHash", a.passwordHash())
                .put("phone", a.phone())
                .put("active", a.active())
                .put("failedLogins", a.failedLogins())
                .put("lockedUntil", MongoDocs.date(a.lockedUntil()));
    }

    static UserAccount fromDocument(JsonObject d) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        d.getJsonArray("roles", new JsonArray()).forEach(r -> roles.add(Role.valueOf(String.valueOf(r))));
        return new UserAccount(d.getString("_id"), d.getString("username"), d.getString("name"), roles,
                d.getString("unitId"), d.getString("enterpriseId"), d.getString("passwordHash"), d.getString("phone"),
                d.getBoolean("active", true), d.getInteger("failedLogins", 0), MongoDocs.instant(d.getValue("lockedUntil")));
    }
}
