package cn.liaison.backend.identity;

import cn.liaison.backend.platform.auth.Role;

import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Staff accounts in the {@code users} collection, as their administrators see them. Every change
 * that alters what a token may do (roles, unit, active, password) moves the token version on in the
 * same update, so the account's existing tokens stop working at once.
 */
final class StaffStore {

    private static final String COLLECTION = MongoUsers.COLLECTION;
    private static final Pattern REGEX_SPECIAL = Pattern.compile("[\\\\^$.|?*+()\\[\\]{}]");

    private final MongoClient mongo;

    StaffStore(MongoClient mongo) {
        this.mongo = mongo;
    }

    /** One staff account (holding at least one staff role); empty for enterprise users and unknown ids. */
    Future<Optional<JsonObject>> find(String id) {
        return mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null)
                .map(doc -> Optional.ofNullable(doc).filter(StaffStore::isStaff));
    }

    /**
     * A page of staff in id order after {@code cursor}. Filters narrow the page, the limit bounds it;
     * a real MongoDB walks the {@code _id} index, the embedded one scans (a few thousand staff at most).
     */
    Future<List<JsonObject>> page(Query query) {
        JsonObject filter = new JsonObject().put("roles", new JsonObject().put("$in", staffRoles()));
        if (query.unitIds() != null) {
            filter.put("unitId", new JsonObject().put("$in", new JsonArray(List.copyOf(query.unitIds()))));
        }
        if (query.role() != null) {
            filter.put("roles", query.role().name());
        }
        if (query.active() != null) {
            filter.put("active", query.active());
        }
        if (query.text() != null) {
            String pattern = REGEX_SPECIAL.matcher(query.text()).replaceAll("\\\\$0");
            filter.put("$or", new JsonArray()
                    .add(new JsonObject().put("username", new JsonObject().put("$regex", pattern).put("$options", "i")))
                    .add(new JsonObject().put("name", new JsonObject().put("$regex", pattern))));
        }
        if (query.cursor() != null) {
            filter.put("_id", new JsonObject().put("$gt", query.cursor()));
        }
        return mongo.findWithOptions(COLLECTION, filter, new FindOptions()
                .setSort(new JsonObject().put("_id", 1)).setLimit(query.limit())
                .setFields(new JsonObject().put("passwordHash", 0)));
    }

    /** Fails with a duplicate-key error when the username exists. */
    Future<Void> insert(JsonObject doc) {
        return mongo.insert(COLLECTION, doc).mapEmpty();
    }

    /** Sets fields; {@code revoke} also ends the account's sessions. The new document, or empty. */
    Future<Optional<JsonObject>> update(String id, JsonObject set, JsonObject unset, boolean revoke, Instant now) {
        JsonObject update = new JsonObject().put("$set", set.copy().put("updatedAt", MongoDocs.date(now)));
        if (!unset.isEmpty()) {
            update.put("$unset", unset);
        }
        if (revoke) {
            update.put("$inc", new JsonObject().put(MongoUsers.TOKEN_VERSION, 1));
        }
        return mongo.findOneAndUpdateWithOptions(COLLECTION, new JsonObject().put("_id", id), update,
                        new FindOptions(), new UpdateOptions().setReturningNewDocument(true))
                .map(Optional::ofNullable);
    }

    /** Another account already linked to this WeCom member, if any. */
    Future<Optional<String>> wecomLinkedTo(String wecomUserId, String exceptId) {
        return mongo.findOne(COLLECTION, new JsonObject().put("wecomUserId", wecomUserId)
                        .put("_id", new JsonObject().put("$ne", exceptId)), new JsonObject().put("_id", 1))
                .map(doc -> Optional.ofNullable(doc).map(d -> d.getString("_id")));
    }

    static boolean isStaff(JsonObject doc) {
        return doc.getJsonArray("roles", new JsonArray()).stream()
                .anyMatch(r -> Arrays.stream(Role.values()).anyMatch(role -> role.isStaff() && role.name().equals(r)));
    }

    private static JsonArray staffRoles() {
        return new JsonArray(Arrays.stream(Role.values()).filter(Role::isStaff).map(Enum::name).toList());
    }

    /**
     * @param unitIds null = every unit
     * @param text    part of the username or name; null = any
     */
    record Query(Collection<String> unitIds, Role role, Boolean active, String text, String cursor, int limit) {
    }
}
