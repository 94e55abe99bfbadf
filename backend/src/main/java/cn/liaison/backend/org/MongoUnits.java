package cn.liaison.backend.org;

import cn.liaison.backend.platform.store.IndexRegistry;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code units} collection ({@code {_id, name, level, parentId}}, unique name per parent) and
 * an in-memory copy of the tree. A change made through this node refreshes the copy at once; changes
 * made by other nodes show here within {@link #MAX_AGE_S} seconds. The tree is a few dozen units and
 * changes rarely, so a full reload is simpler than anything finer.
 */
public final class MongoUnits implements UnitDirectory {

    static final String COLLECTION = OrgCollections.UNITS.name();
    static final long MAX_AGE_S = 30;
    private static final Logger LOG = LoggerFactory.getLogger(MongoUnits.class);

    private final MongoClient mongo;
    private volatile Snapshot snapshot;

    public MongoUnits(MongoClient mongo) {
        this.mongo = mongo;
    }

    public Future<Void> ensureIndexes() {
        return IndexRegistry.apply(mongo, OrgCollections.UNITS);
    }

    /** Inserts the reference tree when the collection is empty; several nodes starting at once are fine. */
    public Future<Void> seedIfEmpty(List<Unit> units) {
        return mongo.count(COLLECTION, new JsonObject())
                .compose(count -> count > 0 ? Future.succeededFuture() : insertAll(units))
                .compose(ignored -> reload())
                .mapEmpty();
    }

    @Override
    public Future<Optional<Unit>> find(String id) {
        return tree().map(t -> t.find(id));
    }

    @Override
    public Future<Optional<Unit>> districtByName(String name) {
        return tree().map(t -> t.districtByName(name));
    }

    @Override
    public Future<Set<String>> subtreeIds(String unitId) {
        return tree().map(t -> t.subtreeIds(unitId));
    }

    @Override
    public Future<List<Unit>> all() {
        return tree().map(UnitTree::all);
    }

    /** Adds a unit under an existing parent one level up; fails with {@link UnitRuleViolation} or {@link UnitConflict}. */
    public Future<Unit> create(Unit unit) {
        return reload()
                .map(tree -> {
                    if (tree.find(unit.id()).isPresent()) {
                        throw new UnitConflict("单位编号 " + unit.id() + " 已存在");
                    }
                    tree.checkPlacement(unit);
                    return unit;
                })
                .compose(checked -> mongo.insert(COLLECTION, toDocument(checked)))
                .recover(e -> Future.failedFuture(MongoDocs.isDuplicateKey(e) ? duplicate(unit) : e))
                .compose(ignored -> reload())
                .map(unit);
    }

    /**
     * Renames a unit and/or moves it under another parent of the same level as its current one
     * (levels never change); empty when the unit does not exist.
     */
    public Future<Optional<Unit>> update(String id, String newName, String newParentId) {
        return reload()
                .map(tree -> tree.find(id).map(current -> changed(tree, current, newName, newParentId)))
                .compose(changed -> changed.isEmpty() ? Future.succeededFuture(changed) : save(changed.get()));
    }

    private Unit changed(UnitTree tree, Unit current, String newName, String newParentId) {
        if (newParentId != null && current.level() == UnitLevel.CITY) {
            throw new UnitRuleViolation("parentId", "市级单位没有上级单位");
        }
        Unit updated = new Unit(current.id(), newName == null ? current.name() : newName, current.level(),
                newParentId == null ? current.parentId() : newParentId);
        tree.find(updated.parentId()).ifPresent(parent -> {
            if (current.level().parentLevel().filter(parent.level()::equals).isEmpty()) {
                throw new UnitRuleViolation("parentId", "只能移到" + current.level().parentLevel().map(UnitLevel::label)
                        .orElse("") + "单位下，单位级别不能改变");
            }
        });
        tree.checkPlacement(updated);
        return updated;
    }

    private Future<Optional<Unit>> save(Unit unit) {
        JsonObject fields = new JsonObject().put("name", unit.name()).put("parentId", unit.parentId());
        return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", unit.id()), new JsonObject().put("$set", fields))
                .recover(e -> Future.failedFuture(MongoDocs.isDuplicateKey(e) ? duplicate(unit) : e))
                .compose(ignored -> reload())
                .map(Optional.of(unit));
    }

    private static UnitConflict duplicate(Unit unit) {
        return new UnitConflict("同一上级单位下已有名为 " + unit.name() + " 的单位，或编号 " + unit.id() + " 已被使用");
    }

    private Future<UnitTree> tree() {
        Snapshot current = snapshot;
        if (current != null && System.nanoTime() - current.loadedAtNanos() < TimeUnit.SECONDS.toNanos(MAX_AGE_S)) {
            return Future.succeededFuture(current.tree());
        }
        return reload();
    }

    private Future<UnitTree> reload() {
        return mongo.find(COLLECTION, new JsonObject())
                .map(docs -> UnitTree.of(docs.stream().map(MongoUnits::fromDocument).toList()))
                .onSuccess(tree -> snapshot = new Snapshot(tree, System.nanoTime()));
    }

    private Future<Void> insertAll(List<Unit> units) {
        Future<Void> chain = Future.succeededFuture();
        for (Unit unit : units) {
            chain = chain.compose(ignored -> mongo.insert(COLLECTION, toDocument(unit))
                    .<Void>mapEmpty()
                    .recover(e -> MongoDocs.isDuplicateKey(e) ? Future.succeededFuture() : Future.failedFuture(e)));
        }
        return chain.onSuccess(ignored -> LOG.info("Units: seeded {} units from {}", units.size(), UnitSeed.RESOURCE));
    }

    static JsonObject toDocument(Unit unit) {
        return new JsonObject()
                .put("_id", unit.id())
                .put("name", unit.name())
                .put("level", unit.level().name())
                .put("parentId", unit.parentId());
    }

    static Unit fromDocument(JsonObject doc) {
        return new Unit(doc.getString("_id"), doc.getString("name"), UnitLevel.valueOf(doc.getString("level")),
                doc.getString("parentId"));
    }

    private record Snapshot(UnitTree tree, long loadedAtNanos) {
    }
}
