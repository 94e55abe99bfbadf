package cn.liaison.backend.live;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One open event stream. Live events that arrive while the missed ones are being read from Redis
 * wait in a buffer, so nothing is lost or sent twice between the replay and the live feed.
 */
final class EventStream {

    private final Vertx vertx;
    private final LiveEvents events;
    private final HttpServerResponse response;
    private final String userId;
    private final Duration heartbeat;
    private final Set<HttpServerResponse> open;
    private final List<LiveEvent> buffered = new ArrayList<>();
    /** Ids already sent (bounded): pub/sub may deliver events of two instances out of id order. */
    private final java.util.LinkedHashSet<String> sent = new java.util.LinkedHashSet<>();
    private boolean replaying = true;
    private String resumeFloor;

    EventStream(Vertx vertx, LiveEvents events, HttpServerResponse response, String userId, Duration heartbeat,
                Set<HttpServerResponse> open) {
        this.vertx = vertx;
        this.events = events;
        this.response = response;
        this.userId = userId;
        this.heartbeat = heartbeat;
        this.open = open;
    }

    void start(String resumeAfter) {
        response.setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store")
                .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY)
                .putHeader("X-Accel-Buffering", "no");
        open.add(response);
        response.write("retry: 3000\n: connected\n\n");
        LiveEvents.Subscriber subscriber = events.register(userId, this::onLive);
        long timer = vertx.setPeriodic(heartbeat.toMillis(), id -> {
            if (!response.ended() && !response.closed()) {
                response.write(": heartbeat\n\n");
            }
        });
        Runnable cleanup = () -> {
            vertx.cancelTimer(timer);
            subscriber.close();
            open.remove(response);
        };
        response.closeHandler(v -> cleanup.run());
        response.endHandler(v -> cleanup.run());
        if (resumeAfter == null) {
            flushBuffer();
            return;
        }
        resumeFloor = resumeAfter;
        events.since(userId, resumeAfter)
                .onSuccess(missed -> {
                    if (missed.isEmpty()) {
                        write("resync", null, "{\"reason\":\"断线时间过长，请刷新任务列表\"}");
                    } else {
                        missed.get().forEach(this::send);
                    }
                    flushBuffer();
                })
                .onFailure(e -> {
                    write("resync", null, "{\"reason\":\"无法补发断线期间的事件，请刷新任务列表\"}");
                    flushBuffer();
                });
    }

    private void onLive(LiveEvent event) {
        if (replaying) {
            buffered.add(event);
        } else {
            send(event);
        }
    }

    private void flushBuffer() {
        replaying = false;
        buffered.forEach(this::send);
        buffered.clear();
    }

    private void send(LiveEvent event) {
        if (resumeFloor != null && LiveEvents.compareIds(event.id(), resumeFloor) <= 0 || !sent.add(event.id())) {
            return;
        }
        if (sent.size() > 1000) {
            sent.remove(sent.iterator().next());
        }
        write(event.type(), event.id(), event.toClientJson().encode());
    }

    private void write(String type, String id, String data) {
        if (response.ended() || response.closed()) {
            return;
        }
        StringBuilder frame = new StringBuilder();
        if (id != null) {
            frame.append("id: ").append(id).append('\n');
        }
        frame.append("event: ").append(type).append('\n').append("data: ").append(data).append("\n\n");
        response.write(frame.toString());
    }
}
