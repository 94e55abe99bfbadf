package cn.liaison.backend.miniapp;

import cn.liaison.backend.platform.store.IndexRegistry;
import cn.liaison.backend.chat.ChatModule;
import cn.liaison.backend.config.MiniProgramConfig;
import cn.liaison.backend.platform.http.RawRoutes;
import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.identity.Tokens;
import cn.liaison.backend.kb.KbService;
import cn.liaison.backend.platform.outbox.Notifier;
import cn.liaison.backend.org.MongoEnterprises;
import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.request.RequestModule;
import cn.liaison.backend.platform.jobs.RedisLock;
import cn.liaison.backend.platform.store.Stores;
import cn.liaison.backend.wechat.PushCodec;
import cn.liaison.backend.wechat.PushInbox;
import cn.liaison.backend.wechat.PushRoutes;
import cn.liaison.backend.wechat.SubscribeNotifier;
import cn.liaison.backend.wechat.WechatApi;
import cn.liaison.bots.chat.Turn;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mini-program channel: WeChat login and enterprise binding, the chat bot's API, the message push
 * endpoint with its customer-service replies, and subscribe messages for progress. Pieces that need
 * WeChat are present only when it is configured (the push endpoint also needs WECHAT_TOKEN).
 */
public final class MiniProgramModule {

    private static final Logger LOG = LoggerFactory.getLogger(MiniProgramModule.class);

    private final WechatUsers users;
    private final ChatModule chat;
    private final WechatApi api;
    private final PushInbox inbox;
    private final List<Routes> routes = new ArrayList<>();
    private final List<RawRoutes> rawRoutes = new ArrayList<>();
    private final List<Notifier> channels = new ArrayList<>();

    public MiniProgramModule(Vertx vertx, Stores stores, MiniProgramConfig config, boolean demo, KbService kb,
                             RequestModule requests, MongoEnterprises enterprises, UnitDirectory units, Tokens tokens,
                             Clock clock) {
        this(vertx, stores, config, demo, kb, requests, enterprises, units, tokens, clock, null);
    }

    /** @param checklists the projects' checklists, for the chat bot's "what next" answers (null: none) */
    public MiniProgramModule(Vertx vertx, Stores stores, MiniProgramConfig config, boolean demo, KbService kb,
                             RequestModule requests, MongoEnterprises enterprises, UnitDirectory units, Tokens tokens,
                             Clock clock, cn.liaison.backend.project.ChecklistService checklists) {
        users = new WechatUsers(stores.mongo());
        api = config.wechatConfigured()
                ? new WechatApi(config, stores.redis(), vertx.createSharedWorkerExecutor("wechat-api", 4))
                : null;
        chat = new ChatModule(stores.mongo(), stores.redis(), kb, requests, clock, config,
                api != null && config.msgSecCheck() ? api::textIsSafe : null,
                userId -> users.openidOf(userId).map(o -> o.orElse(null)), checklists);
        WechatLogin login = new WechatLogin(api, demo, users, tokens, clock);
        EnterpriseBindings bindings = new EnterpriseBindings(stores.mongo(), users, enterprises, units, clock, demo);
        routes.add(new MiniAppRoutes(login, bindings, users, tokens));
        routes.add(chat.routes());
        if (api != null && config.token().isPresent()) {
            inbox = new PushInbox(stores.mongo(), stores.redis(), new RedisLock(stores.redis()), pushBot(clock), api, clock,
                    config.chatIdle());
            rawRoutes.add(new PushRoutes(new PushCodec(config.token().get(), config.appId().get(),
                    config.aesKey().orElse(null)), inbox, clock, config.pushMaxAge()));
        } else {
            inbox = null;
            LOG.info("WeChat message push: off (needs WECHAT_APPID, WECHAT_SECRET and WECHAT_TOKEN)");
        }
        if (api != null) {
            channels.add(new SubscribeNotifier(api, stores.mongo(), stores.redis(), config.templates(), config.fieldKeys(),
                    users::openidOf, clock));
        }
    }

    private PushInbox.Bot pushBot(Clock clock) {
        return new PushInbox.Bot() {
            @Override
            public Future<cn.liaison.backend.platform.auth.Principal> userFor(String openid) {
                return users.signIn(openid, null, clock.instant());
            }

            @Override
            public Future<Turn> chat(cn.liaison.backend.platform.auth.Principal user, String openid, String conversationId,
                                     String text) {
                return chat.service().handle(user, openid, conversationId, text);
            }
        };
    }

    public Future<Void> start(Stores stores) {
        // Transcripts are purged by updatedAt and feedback read by entry (indexes in IndexRegistry).
        return Future.all(IndexRegistry.apply(stores.mongo(), "conversations"),
                        IndexRegistry.apply(stores.mongo(), "enterprise_bindings"))
                .mapEmpty();
    }

    public List<Routes> routes() {
        return routes;
    }

    public List<RawRoutes> rawRoutes() {
        return rawRoutes;
    }

    public List<Notifier> channels() {
        return channels;
    }

    public ChatModule chat() {
        return chat;
    }

    /** Null when the push endpoint is off. */
    public PushInbox inbox() {
        return inbox;
    }

    public WechatUsers users() {
        return users;
    }

    public Optional<WechatApi> api() {
        return Optional.ofNullable(api);
    }
}
