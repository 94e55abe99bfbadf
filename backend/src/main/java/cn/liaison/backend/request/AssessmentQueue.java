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

    /**
     * Runs {@code first}, then whatever waits, for as long as each finishes at once (a store that is
     * down fails every call immediately): in a loop, not by recursion, which overflowed the stack
     * with 2,000 requests waiting. One that finishes later continues from its own callback.
     */
    private void run(JsonObject first) {
        JsonObject request = first;
        while (request != null) {
            Future<JsonObject> done;
            try {
                done = assess.apply(request);
            } catch (RuntimeException e) {
                done = Future.failedFuture(e); // Intake.assess recovers its own failures; this is a bug guard
            }
            if (!done.isComplete()) {
                JsonObject running = request;
                done.onComplete(r -> {
                    JsonObject next = finished(running);
                    if (next != null) {
                        run(next);
                    }
                });
                return;
            }
            request = finished(request);
        }
    }

    /** Marks {@code request} done and takes the next waiting one, or frees the place. */
    private JsonObject finished(JsonObject request) {
        synchronized (this) {
            taken.remove(request.getString("_id"));
            JsonObject next = waiting.poll();
            if (next == null) {
                running--;
            }
            return next;
        }
    }

    synchronized int pending() {
        return running + waiting.size();
    }
}
