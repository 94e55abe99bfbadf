package cn.liaison.backend.calendar;

import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Holiday schedules in MongoDB. {@code calendar_versions} keeps every load ({@code _id} "2027-v3":
 * the unique key makes two admins loading the same year at once collide instead of both becoming v3);
 * {@code calendar_current} holds the latest version of each year under {@code _id} = year, so the
 * reload every instance runs reads at most one document per year by its key.
 */
final class CalendarStore {

    static final String VERSIONS = CalendarCollections.VERSIONS.name();
    static final String CURRENT = CalendarCollections.CURRENT.name();
    /** Versions listed per year, newest first; loads happen a few times a year. */
    static final int HISTORY_LIMIT = 100;

    /** Who loaded a version; {@code userId} is "bundled" for the files shipped in the jar. */
    record Loaded(int version, String userId, String userName, Instant at, String source, PublishedSchedule schedule) {
    }

    private final MongoClient mongo;

    CalendarStore(MongoClient mongo) {
        this.mongo = mongo;
    }

    /** Version 1 of each bundled year, unless the year already has versions (safe on every start, on every instance). */
    Future<Void> seed(List<PublishedSchedule> bundled, Instant now) {
        List<Future<Void>> seeded = bundled.stream().map(s -> insert(new Loaded(1, "bundled", "随程序发布", now, "bundled", s))
                .recover(e -> MongoDocs.isDuplicateKey(e) ? Future.succeededFuture() : Future.failedFuture(e))
                .compose(v -> mongo.updateCollectionWithOptions(CURRENT, new JsonObject().put("_id", s.year()),
                        new JsonObject().put("$setOnInsert", current(new Loaded(1, "bundled", "随程序发布", now, "bundled", s))),
                        new UpdateOptions().setUpsert(true)))
                // Two instances starting together: the second upsert may hit the first one's key.
                .recover(e -> MongoDocs.isDuplicateKey(e) ? Future.succeededFuture() : Future.failedFuture(e))
                .<Void>mapEmpty()).toList();
        return Future.all(seeded).mapEmpty();
    }

    /** Stores the next version of the year and makes it current; 409-worthy failure when another load won the race. */
    Future<Loaded> add(PublishedSchedule schedule, String userId, String userName, String source, Instant now) {
        return mongo.findOne(CURRENT, new JsonObject().put("_id", schedule.year()), new JsonObject().put("version", 1))
                .map(doc -> doc == null ? 1 : doc.getInteger("version", 0) + 1)
                .map(version -> new Loaded(version, userId, userName, now, source, schedule))
                .compose(loaded -> insert(loaded)
                        .compose(v -> mongo.replaceDocumentsWithOptions(CURRENT, new JsonObject().put("_id", schedule.year()),
                                current(loaded).put("_id", schedule.year()), new UpdateOptions().setUpsert(true)))
                        .map(loaded));
    }

    /** The latest version of every year. */
    Future<Map<Integer, Loaded>> current() {
        return mongo.find(CURRENT, new JsonObject()).map(docs -> {
            Map<Integer, Loaded> byYear = new HashMap<>();
            docs.forEach(doc -> {
                Loaded loaded = loaded(doc);
                byYear.put(loaded.schedule().year(), loaded);
            });
            return byYear;
        });
    }

    Future<List<Loaded>> history(int year) {
        return mongo.findWithOptions(VERSIONS, new JsonObject().put("year", year),
                        new FindOptions().setSort(new JsonObject().put("version", -1)).setLimit(HISTORY_LIMIT))
                .map(docs -> docs.stream().map(CalendarStore::loaded).toList());
    }

    private Future<Void> insert(Loaded loaded) {
        int year = loaded.schedule().year();
        return mongo.insert(VERSIONS, current(loaded).put("_id", year + "-v" + loaded.version()).put("year", year)).mapEmpty();
    }

    private static JsonObject current(Loaded loaded) {
        return new JsonObject().put("version", loaded.version()).put("loadedBy", loaded.userId())
                .put("loadedByName", loaded.userName()).put("loadedAt", MongoDocs.date(loaded.at()))
                .put("source", loaded.source()).put("schedule", ScheduleJson.toJson(loaded.schedule()));
    }

    private static Loaded loaded(JsonObject doc) {
        JsonObject schedule = doc.getJsonObject("schedule");
        PublishedSchedule parsed = ScheduleJson.parse(schedule.getInteger("year"), schedule.getMap());
        return new Loaded(doc.getInteger("version"), doc.getString("loadedBy"), doc.getString("loadedByName"),
                MongoDocs.instant(doc.getValue("loadedAt")), doc.getString("source"), parsed);
    }
}
