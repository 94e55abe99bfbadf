package cn.liaison.backend.identity;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.platform.auth.Role;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The link between a staff account and its WeCom member: the {@code wecomUserId} field of a
 * document in {@code users}. Only active staff accounts can be reached or signed in through WeCom.
 */
@Published
public final class WecomAccounts {

    private static final String USERS = IdentityCollections.USERS.name();

    private final MongoClient mongo;

    public WecomAccounts(MongoClient mongo) {
        this.mongo = mongo;
    }

    /** Our user id for a WeCom member, if it belongs to an active staff account. */
    public Future<Optional<String>> staffUserFor(String wecomUserId) {
        JsonObject query = new JsonObject().put("wecomUserId", wecomUserId).put("active", true)
                .put("roles", new JsonObject().put("$in", staffRoles()));
        return mongo.findOne(USERS, query, new JsonObject().put("_id", 1))
                .map(doc -> Optional.ofNullable(doc).map(d -> d.getString("_id")));
    }

    /** The WeCom member of an active staff account; empty for enterprise users and unlinked staff. */
    public Future<Optional<String>> wecomUserOf(String userId) {
        JsonObject query = new JsonObject().put("_id", userId).put("active", true)
                .put("roles", new JsonObject().put("$in", staffRoles()));
        return mongo.findOne(USERS, query, new JsonObject().put("wecomUserId", 1))
                .map(doc -> Optional.ofNullable(doc).map(d -> d.getString("wecomUserId")).filter(s -> !s.isBlank()));
    }

    /**
     * Demo data (embedded mode only): staff without a WeCom link get their username as WeCom user id,
     * so the demo accounts can sign in through a test WeCom application.
     */
    public Future<Integer> linkDemoStaffByUsername() {
        JsonObject query = new JsonObject().put("roles", new JsonObject().put("$in", staffRoles()))
                .put("wecomUserId", new JsonObject().put("$exists", false));
        return mongo.findWithOptions(USERS, query, new FindOptions().setFields(new JsonObject().put("username", 1)))
                .compose(docs -> {
                    List<Future<Void>> updates = docs.stream().map(d -> mongo.updateCollection(USERS,
                            new JsonObject().put("_id", d.getString("_id")),
                            new JsonObject().put("$set", new JsonObject().put("wecomUserId", d.getString("username"))))
                            .<Void>mapEmpty()).toList();
                    return Future.all(updates).map(docs.size());
                });
    }

    private static JsonArray staffRoles() {
        return new JsonArray(Arrays.stream(Role.values()).filter(Role::isStaff).map(Enum::name).toList());
    }
}
