package cn.liaison.backend.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The queue's bounds, and a backlog drained without growing the stack when every assessment fails at once. */
class AssessmentQueueTest {

    private static JsonObject request(int i) {
        return new JsonObject().put("_id", "r" + i);
    }

    @Test
    void aBacklogThatFailsAtOnceIsDrainedInALoop() {
        Promise<JsonObject> first = Promise.promise();
        List<String> assessed = new ArrayList<>();
        AssessmentQueue queue = new AssessmentQueue(doc -> {
            assessed.add(doc.getString("_id"));
            // the first waits; then the store is down and every call fails before it returns
            return assessed.size() == 1 ? first.future() : Future.failedFuture(new IllegalStateException("store down"));
        }, 1, 50_000);
        for (int i = 0; i < 50_001; i++) {
            assertTrue(queue.offer(request(i)));
        }
        assertEquals(50_001, queue.pending());
        first.fail("store down"); // used to recurse once per waiting request: StackOverflowError
        assertEquals(50_001, assessed.size());
        assertEquals(0, queue.pending());
        assertTrue(queue.offer(request(0)), "taken again once done");
    }

    @Test
    void atMostConcurrencyRunAndCapacityWaitAndNoneIsTakenTwice() {
        List<Promise<JsonObject>> running = new ArrayList<>();
        AssessmentQueue queue = new AssessmentQueue(doc -> {
            Promise<JsonObject> p = Promise.promise();
            running.add(p);
            return p.future();
        }, 2, 3);
        for (int i = 0; i < 5; i++) {
            assertTrue(queue.offer(request(i)));
        }
        assertTrue(queue.offer(request(4)), "already waiting: accepted, not added");
        assertFalse(queue.offer(request(5)), "full");
        assertEquals(2, running.size());
        assertEquals(5, queue.pending());
        running.get(0).complete(new JsonObject());
        assertEquals(3, running.size(), "the next waiting one starts");
        for (int i = 0; i < running.size(); i++) { // completing one starts the next, which joins the list
            running.get(i).tryComplete(new JsonObject());
        }
        assertEquals(5, running.size());
        assertEquals(0, queue.pending());
    }

    @Test
    void fewerRunWhileTheEdgeIsStrainedAndMoreAgainOnceItIsNot() {
        List<Promise<JsonObject>> running = new ArrayList<>();
        int[] allowed = {1};
        AssessmentQueue queue = new AssessmentQueue(doc -> {
            Promise<JsonObject> p = Promise.promise();
            running.add(p);
            return p.future();
        }, () -> allowed[0], 100);
        for (int i = 0; i < 6; i++) {
            assertTrue(queue.offer(request(i)));
        }
        assertEquals(1, running.size(), "strained: one at a time");
        allowed[0] = 4;
        running.get(0).complete(new JsonObject());
        assertEquals(5, running.size(), "the strain passed: a finish starts as many as are allowed now");
        assertEquals(5, queue.pending());
        allowed[0] = 1;
        running.get(1).complete(new JsonObject());
        running.get(2).complete(new JsonObject());
        running.get(3).complete(new JsonObject());
        assertEquals(5, running.size(), "strained again: finishes start none while more than one runs");
        running.get(4).complete(new JsonObject());
        assertEquals(6, running.size(), "the last running one hands over to the last waiting one");
        running.get(5).complete(new JsonObject());
        assertEquals(0, queue.pending());
        allowed[0] = 0;
        assertTrue(queue.offer(request(9)));
        assertEquals(7, running.size(), "at least one always runs");
    }
}
