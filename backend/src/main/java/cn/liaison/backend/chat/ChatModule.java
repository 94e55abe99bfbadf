package cn.liaison.backend.chat;

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
public final class ChatModule {

    public static final String CHANNEL = "MINIPROGRAM";

    private final ChatService service;
    private final MongoTranscripts transcripts;
    private final RedisLock lock;
    private final Function<String, Future<String>> openids;

    /**
     * @param contentCheck (openid, text) → may it be processed; null when WeChat's check is off
     * @param openids      userId → openid (null when none), for the content check
     */
    public ChatModule(MongoClient mongo, RedisAPI redis, KbService kb, RequestModule requests, Clock clock,
                      MiniProgramConfig config, BiFunction<String, String, Future<Boolean>> contentCheck,
                      Function<String, Future<String>> openids) {
        this(mongo, redis, kb, requests, clock, config, contentCheck, openids, null);
    }

    /** @param checklists the projects' checklists for "我的项目下一步人防要办什么", or null to ask the knowledge base */
    public ChatModule(MongoClient mongo, RedisAPI redis, KbService kb, RequestModule requests, Clock clock,
                      MiniProgramConfig config, BiFunction<String, String, Future<Boolean>> contentCheck,
                      Function<String, Future<String>> openids, ChecklistService checklists) {
        this.transcripts = new MongoTranscripts(mongo, clock, config.chatRetention(), CHANNEL);
        this.lock = new RedisLock(redis);
        this.openids = openids;
        ChatBot bot = new ChatBot(question -> kb.ask(question, CHANNEL), new LoopRequests(requests),
                new RedisDialogueStates(redis, config.chatIdle()), transcripts,
                checklists == null ? null : new ChecklistSteps(checklists));
        RateLimit limit = new RateLimit(redis, clock, "chat", config.chatMessagesPerMinute());
        this.service = new ChatService(bot, mongo, limit, clock, contentCheck,
                (question, entryId) -> kb.lowRated(question, entryId, CHANNEL));
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
