package cn.liaison.backend.inspection;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.org.Enterprise;
import cn.liaison.backend.org.EnterpriseDirectory;
import cn.liaison.backend.org.Unit;
import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.store.IndexRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code inspections} collection and who may see what: city admins everything; other staff the
 * inspections of their unit's subtree and those of enterprises in it; an enterprise its own. Every
 * filter is served by an index declared in {@link InspectionCollections}.
 */
final class InspectionStore {

    /** One enterprise's inspections are few (the caps keep them so); this bounds a hostile pile-up. */
    static final int PER_ENTERPRISE = 500;
    static final int PAGE = 100;

    private final MongoClient mongo;
    private final EnterpriseDirectory enterprises;
    private final UnitDirectory units;
    private final Function<String, Future<List<String>>> enterpriseUsers;
    private final Clock clock;

    InspectionStore(MongoClient mongo, EnterpriseDirectory enterprises, UnitDirectory units,
                    Function<String, Future<List<String>>> enterpriseUsers, Clock clock) {
        this.mongo = mongo;
        this.enterprises = enterprises;
        this.units = units;
        this.enterpriseUsers = enterpriseUsers;
        this.clock = clock;
    }

    Future<Void> start() {
        return IndexRegistry.apply(mongo, InspectionCollections.INSPECTIONS);
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
    }

    Future<Enterprise> enterprise(String id) {
        return enterprises.find(id).compose(e -> e.isPresent() ? Future.succeededFuture(e.get())
                : Future.failedFuture(ProblemException.notFound("企业不存在")));
    }

    Future<String> unitName(String unitId) {
        return unitId == null ? Future.succeededFuture("") : units.find(unitId).map(u -> u.map(Unit::name).orElse(unitId));
    }

    Future<List<String>> enterpriseUsers(String enterpriseId) {
        return enterpriseUsers.apply(enterpriseId);
    }

    /** Staff plan and see inspections of enterprises in their area only (404 outside it, as elsewhere). */
    Future<Void> requireAreaOf(Enterprise e, Principal who) {
        if (who.has(Role.CITY_ADMIN)) {
            return Future.succeededFuture();
        }
        return units.subtreeIds(who.unitId()).compose(mine -> mine.contains(e.districtUnitId())
                || (e.parkId() != null && mine.contains(e.parkId())) ? Future.succeededFuture()
                : Future.failedFuture(ProblemException.notFound("企业不存在")));
    }

    Future<List<JsonObject>> ofEnterprise(String enterpriseId) {
        return mongo.findWithOptions(Inspections.COLLECTION, new JsonObject().put("enterpriseId", enterpriseId),
                new FindOptions().setLimit(PER_ENTERPRISE).setFields(new JsonObject().put("outbox", 0)));
    }

    Future<Void> insert(JsonObject doc) {
        return mongo.insert(Inspections.COLLECTION, doc).mapEmpty();
    }

    /** The inspections already in a visit become part of a joint one (综合查一次). */
    Future<Void> markMerged(String enterpriseId, String visitId) {
        return mongo.updateCollectionWithOptions(Inspections.COLLECTION,
                new JsonObject().put("enterpriseId", enterpriseId).put("visitId", visitId),
                new JsonObject().put("$set", new JsonObject().put("merged", true)), new UpdateOptions().setMulti(true)).mapEmpty();
    }

    Future<JsonObject> getForStaff(String id, Principal who) {
        return find(id).compose(doc -> who.has(Role.CITY_ADMIN) ? Future.succeededFuture(doc)
                : units.subtreeIds(who.unitId()).compose(mine -> inArea(doc, mine) ? Future.succeededFuture(doc) : missing()));
    }

    Future<JsonObject> getFor(String id, Principal who) {
        if (who.has(Role.ENTERPRISE) && !who.roles().stream().anyMatch(Role::isStaff)) {
            return find(id).compose(doc -> doc.getString("enterpriseId").equals(who.enterpriseId()) ? Future.succeededFuture(doc) : missing());
        }
        return getForStaff(id, who);
    }

    /** Changes an inspection still in {@code from}; 409 when someone else changed it first. */
    Future<JsonObject> transition(String id, String from, JsonObject set, JsonObject outboxEntry) {
        JsonObject update = new JsonObject().put("$set", set);
        if (outboxEntry != null) {
            update.put("$push", new JsonObject().put("outbox", outboxEntry));
        }
        return mongo.findOneAndUpdateWithOptions(Inspections.COLLECTION, new JsonObject().put("_id", id).put("state", from),
                        update, new FindOptions(), new UpdateOptions().setReturningNewDocument(true))
                .compose(doc -> doc == null ? Future.failedFuture(ProblemException.conflict("检查状态已变化，请刷新后重试"))
                        : Future.succeededFuture(InspectionView.of(doc, today())));
    }

    /** Newest first: city admins all, other staff their unit's subtree; optionally one status or enterprise. */
    Future<JsonObject> list(String status, String enterpriseId, Principal who) {
        Future<Set<String>> scope = who.has(Role.CITY_ADMIN) ? Future.succeededFuture(null) : units.subtreeIds(who.unitId());
        return scope.compose(mine -> {
            JsonObject filter = new JsonObject();
            if (enterpriseId != null) {
                filter.put("enterpriseId", enterpriseId);
            } else if (mine != null) {
                filter.put("unitId", new JsonObject().put("$in", new JsonArray(List.copyOf(mine))));
            }
            if (status != null) {
                filter.put("state", status);
            }
            return mongo.findWithOptions(Inspections.COLLECTION, filter, new FindOptions().setLimit(PAGE)
                            .setSort(new JsonObject().put("createdAt", -1)).setFields(new JsonObject().put("outbox", 0)))
                    .map(docs -> new JsonObject().put("items", new JsonArray(docs.stream()
                            .filter(d -> mine == null || inArea(d, mine)).map(d -> InspectionView.of(d, today())).toList())));
        });
    }

    Future<JsonObject> listOfEnterprise(String enterpriseId) {
        return mongo.findWithOptions(Inspections.COLLECTION, new JsonObject().put("enterpriseId", enterpriseId),
                        new FindOptions().setLimit(PAGE).setSort(new JsonObject().put("createdAt", -1)).setFields(new JsonObject().put("outbox", 0)))
                .map(docs -> new JsonObject().put("items", new JsonArray(docs.stream().map(d -> InspectionView.of(d, today())).toList())));
    }

    private static boolean inArea(JsonObject doc, Set<String> mine) {
        return mine.contains(doc.getString("unitId")) || mine.contains(doc.getString("districtUnitId"))
                || (doc.getString("parkId") != null && mine.contains(doc.getString("parkId")));
    }

    private Future<JsonObject> find(String id) {
        return mongo.findOne(Inspections.COLLECTION, new JsonObject().put("_id", id), new JsonObject().put("outbox", 0))
                .compose(doc -> doc == null ? missing() : Future.succeededFuture(doc));
    }

    private static <T> Future<T> missing() {
        return Future.failedFuture(ProblemException.notFound("检查记录不存在"));
    }
}
