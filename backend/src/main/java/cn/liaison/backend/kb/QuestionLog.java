package cn.liaison.backend.kb;

import cn.liaison.backend.platform.store.MongoDocs;
import cn.liaison.kb.index.SearchOutcome;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code kb_questions}: every question asked and what became of it, so the office sees what the
 * knowledge base is missing (the most frequent questions it could not answer).
 */
final class QuestionLog {

    static final String COLLECTION = KbCollections.QUESTIONS.name();

    private final MongoClient mongo;
    private final Clock clock;

    QuestionLog(MongoClient mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    Future<Void> record(SearchOutcome outcome, String channel) {
        JsonObject doc = new JsonObject()
                .put("q", outcome.question())
                .put("normalized", normalize(outcome.question()))
                .put("decision", outcome.decision().name())
                .put("answered", outcome.answered())
                .put("confidence", outcome.confidence())
                .put("channel", channel)
                .put("at", MongoDocs.date(clock.instant()));
        outcome.best().ifPresent(hit -> doc.put("topEntryId", hit.entry().id()));
        outcome.forwardRule().ifPresent(rule -> doc.put("forward", rule.department()));
        return mongo.insert(COLLECTION, doc).mapEmpty();
    }

    /**
     * 这个回答没帮助: the question is logged again as not answered, naming the entry that answered it
     * badly, so the gap loop groups it with the unanswered ones and never offers it to that entry.
     * Not counted as a question asked ({@link #answerRate}).
     */
    Future<Void> recordLowRated(String question, String entryId, String channel) {
        JsonObject doc = new JsonObject()
                .put("q", question)
                .put("normalized", normalize(question))
                .put("decision", "LOW_RATED")
                .put("answered", false)
                .put("lowRated", 1)
                .put("rejectedEntryId", entryId)
                .put("channel", channel)
                .put("at", MongoDocs.date(clock.instant()));
        return mongo.insert(COLLECTION, doc).mapEmpty();
    }

    /**
     * The most frequent unanswered (or unhelpfully answered) questions in [from, to), with how often
     * each was asked, how many of those were rated unhelpful and the entries they were rated on.
     */
    Future<List<JsonObject>> gaps(Instant from, Instant to, int limit) {
        JsonArray pipeline = new JsonArray()
                .add(new JsonObject().put("$match", new JsonObject().put("answered", false)
                        .put("at", new JsonObject().put("$gte", MongoDocs.date(from)).put("$lt", MongoDocs.date(to)))))
                .add(new JsonObject().put("$group", new JsonObject().put("_id", "$normalized")
                        .put("count", new JsonObject().put("$sum", 1))
                        .put("example", new JsonObject().put("$first", "$q"))
                        .put("forward", new JsonObject().put("$first", "$forward"))
                        .put("lowRated", new JsonObject().put("$sum", "$lowRated"))
                        .put("rejected", new JsonObject().put("$addToSet", "$rejectedEntryId"))))
                .add(new JsonObject().put("$sort", new JsonObject().put("count", -1).put("_id", 1)))
                .add(new JsonObject().put("$limit", limit));
        return collect(mongo.aggregate(COLLECTION, pipeline));
    }

    /** Share of the questions asked in [from, to) that were answered, with the counts. */
    Future<JsonObject> answerRate(Instant from, Instant to) {
        JsonObject window = new JsonObject().put("at", new JsonObject().put("$gte", MongoDocs.date(from)).put("$lt", MongoDocs.date(to)))
                .put("lowRated", new JsonObject().put("$exists", false));
        return mongo.count(COLLECTION, window)
                .compose(total -> mongo.count(COLLECTION, window.copy().put("answered", true))
                        .map(answered -> new JsonObject().put("asked", total).put("answered", answered)
                                .put("rate", total == 0 ? 0.0 : Math.round(1000.0 * answered / total) / 1000.0)));
    }

    /** Case, width and punctuation do not make a question different. */
    static String normalize(String question) {
        String folded = java.text.Normalizer.normalize(question, java.text.Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.replaceAll("[\\p{P}\\p{S}\\s]+", "");
    }

    private static Future<List<JsonObject>> collect(ReadStream<JsonObject> stream) {
        Promise<List<JsonObject>> done = Promise.promise();
        List<JsonObject> items = new ArrayList<>();
        stream.exceptionHandler(done::tryFail).endHandler(v -> done.tryComplete(items)).handler(items::add);
        return done.future();
    }
}
