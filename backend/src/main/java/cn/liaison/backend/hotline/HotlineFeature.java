package cn.liaison.backend.hotline;

import cn.liaison.backend.http.Routes;
import cn.liaison.backend.notify.Notifier;
import cn.liaison.backend.request.RequestModule;
import cn.liaison.bots.hotline.HotlineAssistant;
import cn.liaison.kb.KnowledgeBase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.redis.client.RedisAPI;
import java.time.Clock;
import java.util.List;

/**
 * Wires the hotline: the assist bot for agents (with call context in Redis and calls in
 * {@code hotline_calls}) and the 12345 work-order integration (signed webhook in, callbacks out
 * through the outbox).
 */
public final class HotlineFeature {

    private final HotlineCalls calls;
    private final List<Routes> routes;
    private final Notifier callbacks;
    private final InboundGuard guard;

    /** The machine caller named in the contract's {@code x-roles} of the 12345 operations. */
    public static final String PLATFORM_12345 = "PLATFORM_12345";

    public HotlineFeature(Vertx vertx, MongoClient mongo, RedisAPI redis, Future<KnowledgeBase> knowledgeBase,
                          WorkerExecutor blocking, RequestModule requests, Hotline12345Settings settings, Clock clock) {
        this.calls = new HotlineCalls(mongo);
        HotlineAssistant assistant = new HotlineAssistant(new KbSearchAdapter(knowledgeBase, blocking),
                new RedisCallContexts(redis));
        this.guard = new InboundGuard(settings, redis, clock);
        this.routes = List.of(new HotlineRoutes(assistant, calls, requests, clock),
                new Integration12345Routes(new WorkOrders(requests)));
        WebClient client = WebClient.create(vertx, new WebClientOptions().setUserAgent("liaison-12345/1")
                .setConnectTimeout(5_000));
        this.callbacks = new PlatformCallbackNotifier(settings, client, requests.repository(), clock);
    }

    public Future<Void> start() {
        return calls.ensureIndexes();
    }

    public List<Routes> routes() {
        return routes;
    }

    /** Admits the 12345 platform's signed calls (before their handlers, see {@code Authorization}). */
    public cn.liaison.backend.identity.Authorization.CallerGuard platformGuard() {
        return guard::admit;
    }

    /** The 12345 callback channel, for the outbox's fan-out. */
    public Notifier callbackChannel() {
        return callbacks;
    }
}
