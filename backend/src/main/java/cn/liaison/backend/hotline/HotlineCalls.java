package cn.liaison.backend.hotline;

import cn.liaison.backend.platform.store.IndexRegistry;
import static cn.liaison.backend.platform.store.MongoDocs.date;

import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.bots.hotline.AssistReply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.List;

/**
 * The {@code hotline_calls} collection: one document per call (keyed by the call id) with every
 * question asked of the assistant and the agent's outcome, and the statistics built from it
 * (直接答复率, and the questions the knowledge base could not answer).
 */
final class HotlineCalls {

    static final String COLLECTION = HotlineCollections.CALLS.name();
    static final int TOP_UNANSWERED = 10;

    private final MongoClient mongo;

    HotlineCalls(MongoClient mongo) {
        this.mongo = mongo;
    }

    Future<Void> ensureIndexes() {
        return IndexRegistry.apply(mongo, HotlineCollections.CALLS);
    }

    /** One question and what the assistant offered. */
    Future<Void> recordTurn(String callId, Principal agent, String question, AssistReply reply, Instant at) {
        JsonObject turn = new JsonObject().put("text", question).put("at", date(at)).put("decision", reply.decision())
                .put("followUp", reply.followUp());
        if (!reply.answers().isEmpty()) {
            turn.put("entryId", reply.answers().get(0).entryId()).put("confidence", reply.answers().get(0).confidence());
        }
        JsonObject update = new JsonObject()
                .put("$setOnInsert", new JsonObject().put("agentId", agent.userId()).put("agentName", agent.name())
                        .put("startedAt", date(at)).put("question", question).put("questionKey", key(question)))
                .put("$set", new JsonObject().put("lastAt", date(at)))
                .put("$push", new JsonObject().put("turns", turn));
        return mongo.updateCollectionWithOptions(COLLECTION, new JsonObject().put("_id", callId), update,
                new UpdateOptions().setUpsert(true)).mapEmpty();
    }

    /**
     * The agent's outcome. {@code question} is the caller's main question: the first one asked of
     * the assistant, or the one the agent gives here when the assistant was not used.
     */
    Future<Void> recordOutcome(String callId, Principal agent, CallOutcome outcome, String requestId, Instant at) {
        JsonObject result = new JsonObject().put("answeredDirectly", outcome.answeredDirectly())
                .put("entryId", outcome.entryId()).put("requestId", requestId).put("at", date(at))
                .put("by", agent.userId());
        JsonObject set = new JsonObject().put("outcome", result).put("answeredDirectly", outcome.answeredDirectly())
                .put("outcomeAt", date(at)).put("lastAt", date(at));
        JsonObject onInsert = new JsonObject().put("agentId", agent.userId()).put("agentName", agent.name())
                .put("startedAt", date(at));
        if (outcome.question() != null) {
            set.put("question", outcome.question()).put("questionKey", key(outcome.question()));
        }
        return mongo.updateCollectionWithOptions(COLLECTION, new JsonObject().put("_id", callId),
                new JsonObject().put("$set", set).put("$setOnInsert", onInsert),
                new UpdateOptions().setUpsert(true)).mapEmpty();
    }

    Future<JsonObject> stats(Instant from, Instant to) {
        JsonObject range = new JsonObject().put("outcomeAt", new JsonObject().put("$gte", date(from)).put("$lt", date(to)));
        Future<Long> calls = mongo.count(COLLECTION, range);
        Future<Long> direct = mongo.count(COLLECTION, range.copy().put("answeredDirectly", true));
        Future<Long> requests = mongo.count(COLLECTION, range.copy().put("outcome.requestId",
                new JsonObject().put("$ne", null)));
        Future<List<JsonObject>> top = topUnanswered(range);
        return Future.all(calls, direct, requests, top).map(all -> {
            long total = calls.result();
            JsonObject out = new JsonObject().put("calls", total).put("answeredDirectly", direct.result())
                    .put("requestsCreated", requests.result())
                    .put("directAnswerRate", total == 0 ? null : Math.round(direct.result() * 10000.0 / total) / 10000.0)
                    .put("topUnanswered", new JsonArray(top.result()));
            return out;
        });
    }

    private Future<List<JsonObject>> topUnanswered(JsonObject range) {
        JsonArray pipeline = new JsonArray()
                .add(new JsonObject().put("$match", range.copy().put("answeredDirectly", false)
                        .put("questionKey", new JsonObject().put("$ne", null))))
                .add(new JsonObject().put("$group", new JsonObject().put("_id", "$questionKey")
                        .put("question", new JsonObject().put("$first", "$question"))
                        .put("count", new JsonObject().put("$sum", 1))))
                .add(new JsonObject().put("$sort", new JsonObject().put("count", -1).put("_id", 1)))
                .add(new JsonObject().put("$limit", TOP_UNANSWERED));
        return mongo.aggregate(COLLECTION, pipeline)
                .collect(java.util.stream.Collectors.toList())
                .map(rows -> rows.stream().map(row -> new JsonObject().put("question", row.getString("question"))
                        .put("count", ((Number) row.getValue("count")).longValue())).toList());
    }

    /** Questions that differ only in punctuation and spaces count as one. */
    static String key(String question) {
        return question.replaceAll("[\\s\\p{Punct}？。！，、；：“”‘’（）]", "");
    }
}
