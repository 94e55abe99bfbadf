package cn.liaison.backend.ops;

import cn.liaison.backend.platform.telemetry.Meters;

import cn.liaison.backend.request.Action;
import cn.liaison.backend.request.RequestListener;
import cn.liaison.backend.platform.store.MongoDocs;
import cn.liaison.backend.platform.store.StoredCollection;
import cn.liaison.backend.platform.store.Stores;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.BooleanSupplier;

/**
 * Gauges sampled by this instance: outbox backlog and the age of its oldest entry, whether each
 * store answers, event-loop lag, open event streams, whether the knowledge-base index is there.
 * Also counts the request loop's events (a {@link RequestListener}). Timers are cancelled by
 * {@link #stop}.
 */
public final class ProductGauges implements RequestListener {

    public static final String OUTBOX_BACKLOG = "liaison.outbox.backlog";
    public static final String OUTBOX_OLDEST_AGE = "liaison.outbox.oldest.age.seconds";
    public static final String STORE_UP = "liaison.store.up";
    public static final String EVENT_LOOP_LAG = "liaison.event.loop.lag.seconds";
    public static final String SSE_CONNECTIONS = "liaison.sse.connections";
    public static final String KB_INDEX_READY = "liaison.kb.index.ready";
    private static final int BACKLOG_SCAN_LIMIT = 10_000;
    private static final long SAMPLE_MS = 15_000;
    private static final long LAG_PROBE_MS = 500;

    private final Vertx vertx;
    private final Stores stores;
    private final Clock clock;
    /** Outbox collections scanned for the backlog (those declared with an outbox). */
    private final List<String> outboxCollections;
    private final List<Long> timers = new ArrayList<>();
    private final AtomicLong lagNanos = new AtomicLong();

    public ProductGauges(Vertx vertx, Stores stores, Clock clock, List<StoredCollection> collections) {
        this.outboxCollections = collections.stream().filter(StoredCollection::outbox).map(StoredCollection::name).toList();
        this.vertx = vertx;
        this.stores = stores;
        this.clock = clock;
    }

    /** Registers the gauges and starts sampling. */
    public void start(MeterRegistry registry, IntSupplier sseConnections, BooleanSupplier kbReady) {
        Gauge.builder(SSE_CONNECTIONS, sseConnections::getAsInt).register(registry);
        Gauge.builder(KB_INDEX_READY, () -> kbReady.getAsBoolean() ? 1 : 0).register(registry);
        Gauge.builder(EVENT_LOOP_LAG, () -> lagNanos.get() / 1e9).register(registry);
        AtomicLong mongoUp = new AtomicLong(1);
        AtomicLong redisUp = new AtomicLong(1);
        Gauge.builder(STORE_UP, mongoUp::get).tag("store", "mongo").register(registry);
        Gauge.builder(STORE_UP, redisUp::get).tag("store", "redis").register(registry);
        List<AtomicLong[]> outboxes = new ArrayList<>();
        for (String collection : outboxCollections) {
            AtomicLong[] sample = {new AtomicLong(), new AtomicLong()};
            Gauge.builder(OUTBOX_BACKLOG, sample[0]::get).tag("kind", collection).register(registry);
            Gauge.builder(OUTBOX_OLDEST_AGE, sample[1]::get).tag("kind", collection).register(registry);
            outboxes.add(sample);
        }
        timers.add(vertx.setPeriodic(0, SAMPLE_MS, id -> {
            stores.pingMongo(2_000).onComplete(r -> mongoUp.set(r.succeeded() ? 1 : 0));
            stores.pingRedis(2_000).onComplete(r -> redisUp.set(r.succeeded() ? 1 : 0));
            for (int i = 0; i < outboxCollections.size(); i++) {
                AtomicLong[] sample = outboxes.get(i);
                backlog(outboxCollections.get(i)).onSuccess(b -> {
                    sample[0].set(b[0]);
                    sample[1].set(b[1]);
                });
            }
        }));
        long[] expected = {System.nanoTime() + LAG_PROBE_MS * 1_000_000};
        // A timer due every half second fires late by as long as the event loop was busy.
        timers.add(vertx.setPeriodic(LAG_PROBE_MS, id -> {
            long now = System.nanoTime();
            lagNanos.set(Math.max(0, now - expected[0]));
            expected[0] = now + LAG_PROBE_MS * 1_000_000;
        }));
    }

    /**
     * {entries, age of the oldest in seconds} for one collection's outboxes. Every entry carries its
     * next attempt's time, and every outbox collection has an index on it: a range over that index
     * reads only the documents with entries. The earlier filter ({@code outbox.id $exists}) had no
     * index and read every document of every outbox collection every 15 s: 70,000 requests decoded
     * in one go (about 200 MB) held every other store call, and a load run's creates stalled for
     * 200 ms each time.
     */
    public static JsonObject withEntries() {
        return new JsonObject().put("outbox.nextAttemptAt", new JsonObject().put("$gte", MongoDocs.date(Instant.EPOCH)));
    }

    private Future<long[]> backlog(String collection) {
        JsonObject query = withEntries();
        return stores.mongo().findWithOptions(collection, query, new FindOptions().setLimit(BACKLOG_SCAN_LIMIT)
                        .setFields(new JsonObject().put("outbox.createdAt", 1)))
                .map(docs -> {
                    long entries = 0;
                    Instant oldest = null;
                    for (JsonObject doc : docs) {
                        for (Object item : doc.getJsonArray("outbox", new JsonArray())) {
                            entries++;
                            Instant at = item instanceof JsonObject e ? MongoDocs.instant(e.getValue("createdAt")) : null;
                            oldest = at != null && (oldest == null || at.isBefore(oldest)) ? at : oldest;
                        }
                    }
                    long age = oldest == null ? 0 : Math.max(0, clock.instant().getEpochSecond() - oldest.getEpochSecond());
                    return new long[] {entries, age};
                });
    }

    @Override
    public void changed(JsonObject request, Action action) {
        String channel = request.getString("channel");
        String unit = request.getString("unitId");
        switch (action) {
            case CREATE -> Meters.request(Meters.REQUESTS_SUBMITTED, channel, unit);
            // Routing assigns during the assessment (研判) when the project names a liaison; a unit head assigns otherwise.
            case ASSIGN -> Meters.request(Meters.REQUESTS_ASSIGNED, channel, unit);
            case ASSESS -> {
                if ("ASSIGNED".equals(request.getString("status"))) {
                    Meters.request(Meters.REQUESTS_ASSIGNED, channel, unit);
                }
            }
            case OVERDUE -> {
                Meters.request(Meters.REQUESTS_OVERDUE, channel, unit);
                Meters.slaEvent("overdue");
            }
            case ESCALATE -> {
                Meters.request(Meters.REQUESTS_ESCALATED, channel, unit);
                Meters.slaEvent("escalated");
            }
            case REMIND -> Meters.slaEvent("reminder");
            default -> {
            }
        }
    }

    public void stop() {
        timers.forEach(vertx::cancelTimer);
    }
}
