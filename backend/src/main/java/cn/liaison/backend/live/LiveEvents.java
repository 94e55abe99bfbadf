package cn.liaison.backend.live;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.request.Action;
import cn.liaison.backend.request.RequestListener;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Task events across instances. A change on any instance is appended to a Redis stream (the last
 * {@value #KEEP_MS} ms are kept, so a reconnecting phone gets what it missed) and announced on a
 * pub/sub channel; every instance listens on its own connection and hands the event to the streams
 * of the people it concerns. After the listening connection drops it reconnects and replays the
 * stream from the last event it saw.
 */
@Published
public final class LiveEvents implements RequestListener {

    static final String STREAM = "live:events";
    static final String CHANNEL = "live:events";
    static final long KEEP_MS = 10 * 60 * 1000;
    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);
    private static final long RECONNECT_MS = 1000;

    private final Vertx vertx;
    private final RedisAPI redis;
    private final Redis subscriberClient;
    private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private volatile String lastSeen;
    private volatile boolean closed;
    private RedisConnection connection;
    private final List<Runnable> lostHandlers = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** @param subscriberClient a client of its own: its one connection is used only for SUBSCRIBE */
    public LiveEvents(Vertx vertx, RedisAPI redis, Redis subscriberClient) {
        this.vertx = vertx;
        this.redis = redis;
        this.subscriberClient = subscriberClient;
    }

    /** A registered receiver; {@link #close()} unregisters it. */
    public final class Subscriber implements AutoCloseable {
        private final String userId;
        private final Context context;
        private final Consumer<LiveEvent> sink;

        private Subscriber(String userId, Context context, Consumer<LiveEvent> sink) {
            this.userId = userId;
            this.context = context;
            this.sink = sink;
        }

        @Override
        public void close() {
            Set<Subscriber> set = subscribers.get(userId);
            if (set != null) {
                set.remove(this);
            }
        }
    }

    /**
     * Runs when the subscription to Redis is lost: open streams are ended then, so clients reconnect
     * (with {@code Last-Event-ID}) instead of receiving heartbeats and no events.
     */
    public void onLost(Runnable handler) {
        lostHandlers.add(handler);
    }

    public Future<Void> start() {
        return subscribe();
    }

    /** Receives the user's events on the caller's context from now on. */
    public Subscriber register(String userId, Consumer<LiveEvent> sink) {
        Subscriber subscriber = new Subscriber(userId, vertx.getOrCreateContext(), sink);
        subscribers.computeIfAbsent(userId, k -> ConcurrentHashMap.newKeySet()).add(subscriber);
        return subscriber;
    }

    public int connectedStreams() {
        return subscribers.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void changed(JsonObject request, Action action) {
        TaskEvents.of(request, action).ifPresent(event -> publish(event)
                .onFailure(e -> LOG.warn("Live event for {} not published: {}", event.number(), e.toString())));
    }

    /** Stores the event in the stream and announces it; completes with the stored event (with its id). */
    public Future<LiveEvent> publish(LiveEvent event) {
        return redis.xadd(List.of(STREAM, "*", "e", event.toJson().encode()))
                .map(id -> event.withId(id.toString()))
                .compose(stored -> redis.publish(CHANNEL, stored.toJson().encode())
                        .compose(published -> trim(stored.id()))
                        .map(stored));
    }

    /**
     * The user's events after {@code lastId}, oldest first; empty when events after it may already be
     * gone (older than the kept window), in which case the client must reload.
     */
    public Future<Optional<List<LiveEvent>>> since(String userId, String lastId) {
        return redis.xrange(List.of(STREAM, "-", "+", "COUNT", "1")).compose(first -> {
            if (first != null && first.size() > 0 && compareIds(first.get(0).get(0).toString(), lastId) > 0) {
                return Future.succeededFuture(Optional.<List<LiveEvent>>empty());
            }
            return redis.xrange(List.of(STREAM, "(" + lastId, "+", "COUNT", "10000"))
                    .map(entries -> Optional.of(parse(entries).stream().filter(e -> e.userIds().contains(userId)).toList()));
        });
    }

    /** Ends the pub/sub connection; streams are ended by their owners. */
    public void close() {
        closed = true;
        if (connection != null) {
            connection.close();
        }
        subscriberClient.close();
    }

    private Future<Void> trim(String newestId) {
        long ms = Long.parseLong(newestId.substring(0, newestId.indexOf('-')));
        return redis.xtrim(List.of(STREAM, "MINID", "~", Long.toString(Math.max(0, ms - KEEP_MS)))).mapEmpty();
    }

    private Future<Void> subscribe() {
        return subscriberClient.connect().compose(conn -> {
            connection = conn;
            conn.handler(this::onMessage);
            conn.exceptionHandler(e -> LOG.warn("Live events: subscription failed: {}", e.toString()));
            conn.endHandler(v -> {
                lostHandlers.forEach(Runnable::run);
                reconnectLater();
            });
            return conn.send(Request.cmd(Command.SUBSCRIBE).arg(CHANNEL)).mapEmpty();
        }).compose(v -> lastSeen == null ? Future.<Void>succeededFuture() : replayAfter(lastSeen));
    }

    private void reconnectLater() {
        if (closed) {
            return;
        }
        vertx.setTimer(RECONNECT_MS, id -> subscribe().onFailure(e -> {
            LOG.warn("Live events: reconnecting to Redis failed: {}", e.toString());
            reconnectLater();
        }));
    }

    /** Delivers what was announced while the subscription was down. */
    private Future<Void> replayAfter(String id) {
        return redis.xrange(List.of(STREAM, "(" + id, "+", "COUNT", "10000"))
                .onSuccess(entries -> parse(entries).forEach(this::dispatch))
                .mapEmpty();
    }

    private void onMessage(Response message) {
        if (message.type() != ResponseType.PUSH && message.type() != ResponseType.MULTI) {
            return;
        }
        if (message.size() == 3 && "message".equals(message.get(0).toString())) {
            dispatch(LiveEvent.fromJson(new JsonObject(message.get(2).toString())));
        }
    }

    private void dispatch(LiveEvent event) {
        if (lastSeen == null || compareIds(event.id(), lastSeen) > 0) {
            lastSeen = event.id();
        }
        for (String userId : event.userIds()) {
            for (Subscriber s : subscribers.getOrDefault(userId, Set.of())) {
                s.context.runOnContext(v -> s.sink.accept(event));
            }
        }
    }

    private static List<LiveEvent> parse(Response entries) {
        List<LiveEvent> events = new ArrayList<>();
        if (entries == null) {
            return events;
        }
        for (Response entry : entries) {
            Response fields = entry.get(1);
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                if ("e".equals(fields.get(i).toString())) {
                    events.add(LiveEvent.fromJson(new JsonObject(fields.get(i + 1).toString())).withId(entry.get(0).toString()));
                }
            }
        }
        return events;
    }

    /** Compares Redis stream ids {@code ms-seq}. */
    static int compareIds(String a, String b) {
        String[] x = a.split("-");
        String[] y = b.split("-");
        int byMs = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
        return byMs != 0 ? byMs : Long.compare(Long.parseLong(x.length > 1 ? x[1] : "0"), Long.parseLong(y.length > 1 ? y[1] : "0"));
    }

    /** Whether {@code id} looks like a stream id this service issued. */
    static boolean isStreamId(String id) {
        return id != null && id.matches("\\d{1,20}-\\d{1,20}");
    }
}
