package cn.liaison.backend.chat;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.identity.WechatUsers;
import cn.liaison.backend.platform.store.IndexRegistry;
import cn.liaison.backend.platform.store.StoredCollection;
import cn.liaison.backend.project.ProjectQueries;

import cn.liaison.backend.config.MiniProgramConfig;
import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.kb.KbService;
import cn.liaison.backend.project.ChecklistService;
import cn.liaison.backend.platform.ratelimit.RateLimit;
import cn.liaison.backend.request.RequestModule;
import cn.liaison.backend.platform.jobs.RedisLock;
import cn.liaison.bots.chat.ChatBot;
import io.vertx.core.Future;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.redis.client.RedisAPI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Wires the chat bot (bots module) to the backend: answers from the knowledge base (logged for the
 * gap report under channel MINIPROGRAM), requests through the loop, dialogue state in Redis,
 * transcripts in MongoDB with their retention.
 */
@Published
public final class ChatModule {

    public static final String CHANNEL = "MINIPROGRAM";

    private final ChatService service;
    private final MongoTranscripts transcripts;
    private final RedisLock lock;
    private final Function<String, Future<String>> openids;
    private final MongoClient mongo;

    /**
     * @param contentCheck (openid, text) → may it be processed; null when WeChat's check is off
     * @param users        contact details and openids (for the content check) of the users
     * @param checklists   the projects' checklists for "我的项目下一步人防要办什么", or null to ask the knowledge base
     */
    public ChatModule(MongoClient mongo, RedisAPI redis, KbService kb, RequestModule requests, Clock clock,
                      MiniProgramConfig config, BiFunction<String, String, Future<Boolean>> contentCheck,
                      WechatUsers users, ProjectQueries projects, ChecklistService checklists) {
        this.mongo = mongo;
        this.transcripts = new MongoTranscripts(mongo, clock, config.chatRetention(), CHANNEL);
        this.lock = new RedisLock(redis);
        this.openids = userId -> users.openidOf(userId).map(o -> o.orElse(null));
        ChatBot bot = new ChatBot(question -> kb.ask(question, CHANNEL), new LoopRequests(requests),
                new RedisDialogueStates(redis, config.chatIdle()), transcripts,
                checklists == null ? null : new ChecklistSteps(checklists));
        RateLimit limit = new RateLimit(redis, clock, "chat", config.chatMessagesPerMinute());
        this.service = new ChatService(bot, mongo, limit, clock, contentCheck, users, projects,
                (question, entryId) -> kb.lowRated(question, entryId, CHANNEL));
    }

    /** The chat's collections (transcripts, answer feedback), declared by the feature that runs the chat. */
    public static StoredCollection[] collections() {
        return new StoredCollection[] {ChatCollections.CONVERSATIONS, ChatCollections.FEEDBACK};
    }

    /** Transcripts are purged by updatedAt: its index. */
    public Future<Void> ensureIndexes() {
        return IndexRegistry.apply(mongo, ChatCollections.CONVERSATIONS);
    }

    public ChatService service() {
        return service;
    }

    public Routes routes() {
        return new ChatRoutes(service, openids);
    }

    /** Deletes transcripts past their retention; one instance at a time. Returns how many. */
    public Future<Long> purgeTranscripts() {
        return lock.tryAcquire("chat-transcripts", Duration.ofMinutes(5)).compose(lease -> lease.isEmpty()
                ? Future.succeededFuture(0L)
                : transcripts.purge().eventually(() -> lock.release(lease.get())));
    }
}
