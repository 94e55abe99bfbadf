package cn.liaison.backend.org;

import cn.liaison.backend.platform.store.IndexRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code enterprises} collection: {@code {_id, name, creditCode (unique), district, parkId,
 * contacts[{name, phone}]}}.
 */
public final class MongoEnterprises implements EnterpriseRegister {

    static final String COLLECTION = OrgCollections.ENTERPRISES.name();

    /** Enterprises remembered once found (a create looked its enterprise up twice: for its name, then to route it). */
    static final int CACHED = 10_000;

    private final MongoClient mongo;
    /**
     * Found enterprises by id. Safe without expiry because an enterprise is never changed or
     * removed once registered (this class only inserts, and is the collection's only writer);
     * an id not found is not remembered, since it may be registered a moment later.
     */
    private final Map<String, Enterprise> found = java.util.Collections.synchronizedMap(
            cn.liaison.backend.platform.LeastRecentlyUsed.map(CACHED));

    public MongoEnterprises(MongoClient mongo) {
        this.mongo = mongo;
    }

    public Future<Void> ensureIndexes() {
        return IndexRegistry.apply(mongo, OrgCollections.ENTERPRISES);
    }

    @Override
    public Future<Optional<Enterprise>> find(String id) {
        Enterprise known = found.get(id);
        if (known != null) {
            return Future.succeededFuture(Optional.of(known));
        }
        return mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null)
                .map(doc -> Optional.ofNullable(doc).map(MongoEnterprises::fromDocument))
                .andThen(done -> {
                    if (done.succeeded()) {
                        done.result().ifPresent(enterprise -> found.put(enterprise.id(), enterprise));
                    }
                });
    }

    @Override
    public Future<Optional<Enterprise>> byCreditCode(String creditCode) {
        return mongo.findOne(COLLECTION, new JsonObject().put("creditCode", creditCode), null)
                .map(doc -> Optional.ofNullable(doc).map(MongoEnterprises::fromDocument));
    }

    @Override
    public Future<Void> insert(Enterprise enterprise, List<Contact> contacts) {
        JsonArray contactDocs = new JsonArray(contacts.stream()
                .map(c -> new JsonObject().put("name", c.name()).put("phone", c.phone()))
                .toList());
        return mongo.insert(COLLECTION, new JsonObject()
                        .put("_id", enterprise.id())
                        .put("name", enterprise.name())
                        .put("creditCode", enterprise.creditCode())
                        .put("district", enterprise.districtUnitId())
                        .put("parkId", enterprise.parkId())
                        .put("contacts", contactDocs))
                .mapEmpty();
    }

    static Enterprise fromDocument(JsonObject doc) {
        return new Enterprise(doc.getString("_id"), doc.getString("name"), doc.getString("creditCode"),
                doc.getString("district"), doc.getString("parkId"));
    }
}
