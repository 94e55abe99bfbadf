package cn.liaison.backend.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.liaison.backend.identity.StaffMember;
import cn.liaison.backend.identity.UserDirectory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routing's open-task counts against the real store (the demo's 浦口区 and its two liaisons): the
 * fewest wins, ties go to the smallest id, each route counts at once, the counts are read once per
 * freshness interval, and a change that can move a task makes the next route read them again.
 */
class LiaisonLoadsIT {

    private static final String DISTRICT = "district-pukou";
    private static final String FIRST = "user-pukou-liaison-1";
    private static final String SECOND = "user-pukou-liaison-2";

    @TempDir
    static Path dataDir;
    static LoopFixture loop;
    static RequestRepository repository;
    static int inserted;

    @BeforeAll
    static void start() throws Exception {
        loop = new LoopFixture(dataDir);
        repository = loop.app.port(RequestModule.class).repository();
    }

    @AfterAll
    static void stop() {
        loop.close();
    }

    @Test
    void routesToTheFewestCountsEachRouteReadsOncePerIntervalAndAgainAfterAMove() throws Exception {
        AtomicLong nanos = new AtomicLong(1_000);
        LiaisonLoads loads = new LiaisonLoads(loop.app.port(UserDirectory.class), repository, nanos::get);
        // the second liaison has two open tasks fewer than the first
        long first = open(FIRST);
        long second = open(SECOND);
        long level = Math.max(first, second);
        assign(FIRST, level + 2 - first);
        assign(SECOND, level - second);

        assertEquals(SECOND, route(loads), "fewest open tasks");
        assertEquals(SECOND, route(loads), "one routed a moment ago counts: still one fewer");
        assertEquals(FIRST, route(loads), "level now: the smallest id");

        assign(SECOND, 10); // behind the counts' back
        assertEquals(SECOND, route(loads), "within the interval the counts are not read again");
        nanos.addAndGet(LiaisonLoads.FRESH_NANOS);
        assertEquals(FIRST, route(loads), "after it they are: the ten show");

        assign(FIRST, 20);
        loads.changed(new JsonObject(), Action.CREATE);
        assertEquals(FIRST, route(loads), "a new request moves no task: the counts stand");
        loads.changed(new JsonObject(), Action.CLOSE);
        assertEquals(SECOND, route(loads), "a close can: the next route reads the twenty");
    }

    @Test
    void aUnitWithoutLiaisonsRoutesToNoOne() throws Exception {
        LiaisonLoads loads = new LiaisonLoads(loop.app.port(UserDirectory.class), repository, System::nanoTime);
        assertEquals(java.util.Optional.empty(), loads.leastBusy("district-nowhere").await(30, TimeUnit.SECONDS));
    }

    private static String route(LiaisonLoads loads) throws Exception {
        return loads.leastBusy(DISTRICT).await(30, TimeUnit.SECONDS).map(StaffMember::id).orElse(null);
    }

    private static long open(String liaison) throws Exception {
        return repository.count(new JsonObject().put("liaisonId", liaison).put("status", new JsonObject()
                .put("$in", new JsonArray().add("ASSIGNED").add("IN_PROGRESS").add("REWORK")))).await(30, TimeUnit.SECONDS);
    }

    /** Stores {@code tasks} open requests assigned to {@code liaison}, straight into the collection. */
    private static void assign(String liaison, long tasks) throws Exception {
        for (long i = 0; i < tasks; i++) {
            int n = ++inserted;
            repository.insert(new JsonObject().put("_id", "loads-" + n).put("number", "SQ-LOADS-" + n).put("version", 0L)
                    .put("status", n % 2 == 0 ? "ASSIGNED" : "IN_PROGRESS").put("liaisonId", liaison)
                    .put("districtId", DISTRICT).put("type", "DEMAND").put("channel", "WEB").put("content", "open task " + n)
                    .put("createdAt", new JsonObject().put("$date", loop.clock.instant().toString()))
                    .put("history", new JsonArray()).put("outbox", new JsonArray())).await(30, TimeUnit.SECONDS);
        }
    }
}
