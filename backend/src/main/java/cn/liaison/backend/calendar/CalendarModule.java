package cn.liaison.backend.calendar;

import cn.liaison.backend.calendar.CalendarStore.Loaded;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The working calendar as data: the bundled years become version 1 in MongoDB, a city admin loads
 * further years (each load a new version, the latest applies), and every instance re-reads the
 * current versions every {@value #RELOAD_MS} ms, so a load reaches all of them within that time
 * without a restart (the instance that took the load applies it at once).
 */
public final class CalendarModule {

    public static final long RELOAD_MS = 30_000;
    private static final Logger LOG = LoggerFactory.getLogger(CalendarModule.class);

    private final Vertx vertx;
    private final CalendarStore store;
    private final WorkingCalendar calendar;
    private final CalendarCoverage coverage;
    private final Clock clock;
    private long timer = -1;

    public CalendarModule(Vertx vertx, MongoClient mongo, OfficeHours hours, Clock clock) {
        this.vertx = vertx;
        this.store = new CalendarStore(mongo);
        this.calendar = WorkingCalendar.fromResources(hours);
        this.coverage = new CalendarCoverage(calendar, clock);
        this.clock = clock;
    }

    /** Seeds the bundled years, applies the stored versions, and starts the periodic reload. */
    public Future<WorkingCalendar> start(boolean reloadPeriodically) {
        return store.seed(HolidayFiles.bundled(), clock.instant())
                .compose(v -> refresh())
                .onSuccess(v -> {
                    if (reloadPeriodically) {
                        timer = vertx.setPeriodic(RELOAD_MS, id -> refresh()
                                .onFailure(e -> LOG.warn("Calendar reload failed: {}", e.toString())));
                    }
                    coverage.warnings().forEach(w -> LOG.warn("Calendar: {}", w));
                })
                .map(calendar);
    }

    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public CalendarCoverage coverage() {
        return coverage;
    }

    /** Applies the current version of every year stored in MongoDB. */
    public Future<Void> refresh() {
        return store.current().map(current -> {
            Map<Integer, HolidaySchedule> schedules = new HashMap<>();
            current.forEach((year, loaded) -> schedules.put(year, loaded.schedule().toSchedule()));
            calendar.replaceSchedules(schedules);
            return null;
        });
    }

    /** Validates and stores a new version of {@code year}; throws {@link ScheduleInvalid} naming each bad field. */
    public Future<JsonObject> load(int year, Map<?, ?> body, String userId, String userName, String source) {
        Objects.requireNonNull(userId, "userId");
        PublishedSchedule schedule = ScheduleJson.parse(year, body);
        return store.add(schedule, userId, userName, source, clock.instant())
                .compose(loaded -> refresh().map(v -> json(loaded)))
                .onSuccess(json -> LOG.info("Calendar {} version {} loaded by {} ({})", year, json.getInteger("version"),
                        userId, source));
    }

    /** The current version of each stored year, and what is missing. */
    public Future<JsonObject> years() {
        return store.current().map(current -> {
            JsonArray items = new JsonArray();
            current.keySet().stream().sorted().forEach(year -> items.add(json(current.get(year)).put("year", year)));
            return new JsonObject().put("items", items).put("warnings", new JsonArray(coverage.warnings()));
        });
    }

    public Future<JsonObject> history(int year) {
        return store.history(year).map(list -> new JsonObject().put("year", year)
                .put("items", new JsonArray(list.stream().map(CalendarModule::json).toList())));
    }

    public JsonObject coverageJson() {
        return new JsonObject().put("missingYears", new JsonArray(coverage.missingYears()))
                .put("warnings", new JsonArray(coverage.warnings()));
    }

    private static JsonObject json(Loaded loaded) {
        return new JsonObject().put("version", loaded.version()).put("loadedBy", loaded.userName())
                .put("loadedAt", MongoDocs.apiTime(loaded.at())).put("source", loaded.source())
                .put("schedule", ScheduleJson.toJson(loaded.schedule()));
    }

}
