package cn.liaison.backend.request;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * Assessment and routing after a request is acknowledged, so that creating one never waits for
 * the knowledge base's retrieval. At most {@code concurrency} assessments run at once and at most
 * {@code capacity} wait; a request offered beyond that stays {@code RECEIVED} and the job
 * {@code assess} offers it again a few seconds later (as it does after a restart). A request already
 * running or waiting is not taken twice; if two instances still race, the versioned update lets one
 * win and the other changes nothing, so no notification is ever queued twice.
 *
 * <p>How many run at once is asked each time one could start: the service runs fewer while its
 * HTTP edge is refusing or answering late (an assessment can wait seconds; a person cannot), and
 * more again as soon as one finishes after the strain has passed.
 */
final class AssessmentQueue {

    private final Function<JsonObject, Future<JsonObject>> assess;
    private final IntSupplier concurrency;
    private final int capacity;
    private final ArrayDeque<JsonObject> waiting = new ArrayDeque<>();
    private final Set<String> taken = new HashSet<>();
    private int running;

    AssessmentQueue(Function<JsonObject, Future<JsonObject>> assess, int concurrency, int capacity) {
        this(assess, () -> concurrency, capacity);
    }

    /** @param concurrency how many may run at once now (at least one is always allowed) */
    AssessmentQueue(Function<JsonObject, Future<JsonObject>> assess, IntSupplier concurrency, int capacity) {
        this.assess = assess;
        this.concurrency = concurrency;
        this.capacity = capacity;
    }

    private int allowed() {
        return Math.max(1, concurrency.getAsInt());
    }

    /** Takes a {@code RECEIVED} request for assessment; false when it is full (the job retries). */
    boolean offer(JsonObject request) {
        synchronized (this) {
            String id = request.getString("_id");
            if (taken.contains(id)) {
                return true;
            }
            if (running >= allowed()) {
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
     * with 2,000 requests waiting. One that finishes later continues from its own callback, and
     * starts the others the limit allows again.
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
                    JsonObject next = startOthers(finished(running));
                    if (next != null) {
                        run(next);
                    }
                });
                return;
            }
            request = startOthers(finished(request));
        }
    }

    /**
     * Starts all but the first of {@code next}, each its own chain (more than one only when the
     * limit rose: a handful), and returns the first for the caller to continue with, or null.
     */
    private JsonObject startOthers(List<JsonObject> next) {
        for (int i = 1; i < next.size(); i++) {
            run(next.get(i));
        }
        return next.isEmpty() ? null : next.get(0);
    }

    /**
     * Marks {@code request} done and takes what may start now: the next waiting one in its place,
     * none when the limit fell below what runs, more when it rose.
     */
    private List<JsonObject> finished(JsonObject request) {
        synchronized (this) {
            taken.remove(request.getString("_id"));
            running--;
            List<JsonObject> next = new java.util.ArrayList<>(1);
            int allowed = allowed();
            while (running < allowed && !waiting.isEmpty()) {
                next.add(waiting.poll());
                running++;
            }
            return next;
        }
    }

    synchronized int pending() {
        return running + waiting.size();
    }
}
