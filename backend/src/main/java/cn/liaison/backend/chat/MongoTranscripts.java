package cn.liaison.backend.chat;

import cn.liaison.backend.platform.store.MongoDocs;
import cn.liaison.bots.chat.DialogueState;
import cn.liaison.bots.chat.Ports;
import cn.liaison.bots.chat.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Transcripts in {@code conversations}: {@code {_id, userId, channel, startedAt, updatedAt, turns:
 * [{at, user, replies: [{type, text}]}]}}. Kept for the configured retention after the last turn and
 * then deleted by {@link #purge} (mongo-java-server has no TTL index, and a real MongoDB's would
 * not know the configured retention either). Phone numbers the user typed are masked before storing.
 */
final class MongoTranscripts implements Ports.Transcripts {

    static final String COLLECTION = ChatCollections.CONVERSATIONS.name();
    private static final int MAX_TURNS = 500;

    private final MongoClient mongo;
    private final Clock clock;
    private final Duration retention;
    private final String channel;

    MongoTranscripts(MongoClient mongo, Clock clock, Duration retention, String channel) {
        this.mongo = mongo;
        this.clock = clock;
        this.retention = retention;
        this.channel = channel;
    }

    @Override
    public Future<Void> append(DialogueState state, String userText, List<Reply> replies) {
        Instant now = clock.instant();
        JsonArray shown = new JsonArray();
        replies.forEach(r -> shown.add(new JsonObject().put("type", r.type()).put("text", mask(r.plainText()))));
        JsonObject turn = new JsonObject().put("at", MongoDocs.date(now)).put("user", mask(userText)).put("replies", shown);
        JsonObject update = new JsonObject()
                .put("$setOnInsert", new JsonObject().put("userId", state.userId()).put("channel", channel)
                        .put("startedAt", MongoDocs.date(now)))
                .put("$set", new JsonObject().put("updatedAt", MongoDocs.date(now)))
                .put("$push", new JsonObject().put("turns", new JsonObject().put("$each", new JsonArray().add(turn))
                        .put("$slice", -MAX_TURNS)));
        return mongo.updateCollectionWithOptions(COLLECTION, new JsonObject().put("_id", state.conversationId()), update,
                new UpdateOptions().setUpsert(true)).mapEmpty();
    }

    /** Deletes transcripts whose last turn is older than the retention; returns how many. */
    Future<Long> purge() {
        Instant cutoff = clock.instant().minus(retention);
        return mongo.removeDocuments(COLLECTION, new JsonObject().put("updatedAt",
                        new JsonObject().put("$lt", MongoDocs.date(cutoff))))
                .map(result -> result == null ? 0L : result.getRemovedCount());
    }

    /** Mobile numbers keep only their first three and last four digits. */
    static String mask(String text) {
        return text == null ? null : text.replaceAll("(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])", "$1****$2");
    }
}
