package cn.liaison.backend.wechat;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.ratelimit.RateLimit;
import cn.liaison.backend.platform.jobs.RedisLock;
import cn.liaison.backend.platform.store.MongoDocs;
import cn.liaison.bots.chat.Reply;
import cn.liaison.bots.chat.Turn;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.redis.client.RedisAPI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushed messages, from acknowledgement to the customer-service reply. A push is first de-duplicated
 * in Redis (WeChat retries up to three times), then stored in {@code wechat_messages} before WeChat
 * gets its "success"; the chat bot answers afterwards, and the replies are sent with the
 * customer-service message API with retries and back-off. A message that was acknowledged is never
 * lost: {@link #runOnce} picks up anything a crashed instance left unanswered or unsent.
 *
 * <p>States: RECEIVED → ANSWERED (replies stored) → SENT; IGNORED for what the bot does not handle;
 * FAILED after {@value #MAX_ATTEMPTS} failed sends, or when WeChat says the 48-hour reply window closed.
 */
@Published
public final class PushInbox {

    static final String COLLECTION = WechatCollections.MESSAGES.name();
    static final int MAX_ATTEMPTS = 8;
    /** Customer-service text messages are limited to 2048 bytes; Chinese takes three. */
    static final int MAX_CHARS = 600;
    private static final Logger LOG = LoggerFactory.getLogger(PushInbox.class);
    private static final String DEDUPE_TTL_S = Long.toString(Duration.ofDays(1).toSeconds());
    private static final Duration STALE = Duration.ofSeconds(30);
    private static final List<Integer> FINAL_ERRORS = List.of(45015, 45047, 40003);

    /** What the inbox needs from the chat and the people directory. */
    public interface Bot {
        Future<Principal> userFor(String openid);

        Future<Turn> chat(Principal user, String openid, String conversationId, String text);
    }

    private final MongoClient mongo;
    private final RedisAPI redis;
    private final RedisLock lock;
    private final Bot bot;
    private final WechatApi api;
    private final Clock clock;
    private final Duration conversationIdle;

    public PushInbox(MongoClient mongo, RedisAPI redis, RedisLock lock, Bot bot, WechatApi api, Clock clock,
                     Duration conversationIdle) {
        this.mongo = mongo;
        this.redis = redis;
        this.lock = lock;
        this.bot = bot;
        this.api = api;
        this.clock = clock;
        this.conversationIdle = conversationIdle;
    }

    /** Stores a new push; false for a retry of one already taken. */
    public Future<Boolean> accept(PushMessage m) {
        String key = m.dedupeKey();
        return redis.set(List.of("wechat:push:" + key, "1", "NX", "EX", DEDUPE_TTL_S))
                .compose(reply -> reply == null || !"OK".equals(reply.toString()) ? Future.succeededFuture(false)
                        : mongo.insert(COLLECTION, new JsonObject().put("_id", key).put("openid", m.fromUser())
                                .put("msgType", m.msgType()).put("event", m.event()).put("text", m.content())
                                .put("state", m.isText() ? "RECEIVED" : "IGNORED").put("attempts", 0)
                                .put("receivedAt", MongoDocs.date(clock.instant())))
                        .map(true)
                        .recover(e -> MongoDocs.isDuplicateKey(e) ? Future.succeededFuture(false) : Future.failedFuture(e)));
    }

    /** Answers one received message and sends the replies; failures are left for {@link #runOnce}. */
    public Future<Void> process(String key) {
        return mongo.findOne(COLLECTION, new JsonObject().put("_id", key).put("state", "RECEIVED"), null)
                .compose(doc -> doc == null ? Future.succeededFuture() : answer(doc).compose(this::deliver));
    }

    private Future<JsonObject> answer(JsonObject doc) {
        String openid = doc.getString("openid");
        String conversationKey = "wechat:conversation:" + openid;
        return redis.get(conversationKey)
                .compose(conversation -> bot.userFor(openid).compose(user ->
                        bot.chat(user, openid, conversation == null ? null : conversation.toString(), doc.getString("text"))))
                .recover(e -> e instanceof RateLimit.Exceeded
                        ? Future.succeededFuture(new Turn(null, List.of(new Reply.Text("消息发送过于频繁，请稍后再试。")), false))
                        : Future.failedFuture(e))
                .compose(turn -> (turn.conversationId() == null ? Future.succeededFuture()
                        : redis.set(List.of(conversationKey, turn.conversationId(), "EX", Long.toString(conversationIdle.toSeconds()))))
                        .map(v -> texts(turn.replies())))
                .compose(texts -> {
                    JsonObject set = new JsonObject().put("state", "ANSWERED").put("replies", new JsonArray(texts))
                            .put("sent", 0).put("nextAttemptAt", MongoDocs.date(clock.instant()));
                    return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", doc.getString("_id")),
                            new JsonObject().put("$set", set)).map(v -> doc.copy().mergeIn(set));
                });
    }

    /** The replies as customer-service texts: joined, then cut into pieces WeChat accepts. */
    static List<String> texts(List<Reply> replies) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (Reply reply : replies) {
            String text = reply.plainText();
            if (current.length() > 0 && current.length() + text.length() + 2 > MAX_CHARS) {
                out.add(current.toString());
                current.setLength(0);
            }
            while (text.length() > MAX_CHARS) {
                out.add(text.substring(0, MAX_CHARS));
                text = text.substring(MAX_CHARS);
            }
            current.append(current.length() == 0 ? "" : "\n\n").append(text);
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    private Future<Void> deliver(JsonObject doc) {
        List<String> texts = doc.getJsonArray("replies", new JsonArray()).stream().map(String::valueOf).toList();
        int sent = doc.getInteger("sent", 0);
        String id = doc.getString("_id");
        if (sent >= texts.size()) {
            return set(id, new JsonObject().put("state", "SENT"));
        }
        return api.sendText(doc.getString("openid"), texts.get(sent))
                .compose(ok -> set(id, new JsonObject().put("sent", sent + 1)))
                .compose(v -> deliver(doc.copy().put("sent", sent + 1)))
                .recover(e -> failed(doc, e));
    }

    private Future<Void> failed(JsonObject doc, Throwable e) {
        int attempts = doc.getInteger("attempts", 0) + 1;
        boolean fatal = e instanceof WechatApi.WechatException we && FINAL_ERRORS.contains(we.errcode());
        if (fatal || attempts >= MAX_ATTEMPTS) {
            LOG.error("Customer-service reply {} given up after {} attempt(s): {}", doc.getString("_id"), attempts, e.getMessage());
            return set(doc.getString("_id"), new JsonObject().put("state", "FAILED").put("attempts", attempts)
                    .put("lastError", e.getMessage()));
        }
        Duration wait = Duration.ofSeconds(5).multipliedBy(1L << (attempts - 1));
        LOG.warn("Customer-service reply {} failed (attempt {}), retrying in {} s: {}", doc.getString("_id"), attempts,
                wait.toSeconds(), e.getMessage());
        return set(doc.getString("_id"), new JsonObject().put("attempts", attempts).put("lastError", e.getMessage())
                .put("nextAttemptAt", MongoDocs.date(clock.instant().plus(wait))));
    }

    private Future<Void> set(String id, JsonObject fields) {
        return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", id), new JsonObject().put("$set", fields)).mapEmpty();
    }

    /** One pass, one instance at a time: answers what was left unanswered and sends what is due. */
    public Future<Integer> runOnce() {
        return lock.tryAcquire("wechat-push", Duration.ofSeconds(60)).compose(lease -> lease.isEmpty() ? Future.succeededFuture(0)
                : sweep().eventually(() -> lock.release(lease.get())));
    }

    private Future<Integer> sweep() {
        Instant now = clock.instant();
        JsonObject stale = new JsonObject().put("state", "RECEIVED")
                .put("receivedAt", new JsonObject().put("$lte", MongoDocs.date(now.minus(STALE))));
        JsonObject due = new JsonObject().put("state", "ANSWERED")
                .put("nextAttemptAt", new JsonObject().put("$lte", MongoDocs.date(now)));
        FindOptions batch = new FindOptions().setLimit(50);
        return Future.all(mongo.findWithOptions(COLLECTION, stale, batch), mongo.findWithOptions(COLLECTION, due, batch))
                .compose(found -> {
                    Future<Integer> chain = Future.succeededFuture(0);
                    for (JsonObject doc : found.<List<JsonObject>>resultAt(0)) {
                        chain = chain.compose(n -> process(doc.getString("_id")).map(n + 1).otherwise(n));
                    }
                    for (JsonObject doc : found.<List<JsonObject>>resultAt(1)) {
                        chain = chain.compose(n -> deliver(doc).map(n + 1).otherwise(n));
                    }
                    return chain;
                });
    }

    /** The stored message (for tests and support). */
    public Future<JsonObject> find(String key) {
        return mongo.findOne(COLLECTION, new JsonObject().put("_id", key), null);
    }
}
