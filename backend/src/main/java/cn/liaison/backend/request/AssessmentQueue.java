package cn.liaison.backend.request;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Assessment and routing after a request is acknowledged, so that creating one never waits for
 * the knowledge base's retrieval. At most {@code concurrency} assessments run at once and at most
 * {@code capacity} wait; a request offered beyond that stays {@code RECEIVED} and the job
 * {@code assess} offers it again a few seconds later (as it does after a restart). A request already
 * running or waiting is not taken twice; if two instances still race, the versioned update lets one
 * win and the other changes nothing, so no notification is ever queued twice.
 */
final class AssessmentQueue {

    private final Function<JsonObject, Future<JsonObject>> assess;
    private final int concurrency;
    private final int capacity;
    private final ArrayDeque<JsonObject> waiting = new ArrayDeque<>();
    private final Set<String> taken = new HashSet<>();
    private int running;

    AssessmentQueue(Function<JsonObject, Future<JsonObject>> assess, int concurrency, int capacity) {
        this.assess = assess;
        this.concurrency = concurrency;
        this.capacity = capacity;
    }

    /** Takes a {@code RECEIVED} request for assessment; false when it is full (the job retries). */
    boolean offer(JsonObject request) {
        synchronized (this) {
            String id = request.getString("_id");
            if (taken.contains(id)) {
                return true;
            }
            if (running >= concurrency) {
                if (waiting.size() >= capacity) {
                    return false;
                }
                taken.add(id);
                waiting.add(request);
                return true;
            }
            taken.add(id);
            running++;
        }
        run(request);
        return true;
    }

    private void run(JsonObject request) {
        Future<JsonObject> done;
        try {
            done = assess.apply(request);
        } catch (RuntimeException e) {
            done = Future.failedFuture(e); // Intake.assess recovers its own failures; this is a bug guard
        }
        done.onComplete(r -> {
            JsonObject next;
            synchronized (this) {
                taken.remove(request.getString("_id"));
                next = waiting.poll();
                if (next == null) {
                    running--;
                }
            }
            if (next != null) {
                run(next);
            }
        });
    }

    synchronized int pending() {
        return running + waiting.size();
    }
}
