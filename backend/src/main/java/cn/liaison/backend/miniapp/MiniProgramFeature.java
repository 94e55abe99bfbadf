package cn.liaison.backend.miniapp;

import cn.liaison.backend.chat.ChatModule;
import cn.liaison.backend.config.MiniProgramConfig;
import cn.liaison.backend.identity.Tokens;
import cn.liaison.backend.identity.WechatUsers;
import cn.liaison.backend.kb.KbModule;
import cn.liaison.backend.org.EnterpriseRegister;
import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.jobs.Jobs.Job;
import cn.liaison.backend.platform.jobs.RedisLock;
import cn.liaison.backend.platform.jobs.Schedule;
import cn.liaison.backend.platform.store.IndexRegistry;
import cn.liaison.backend.project.ChecklistService;
import cn.liaison.backend.project.ProjectQueries;
import cn.liaison.backend.request.RequestModule;
import cn.liaison.backend.request.RequestQueries;
import cn.liaison.backend.wechat.PushCodec;
import cn.liaison.backend.wechat.PushInbox;
import cn.liaison.backend.wechat.PushRoutes;
import cn.liaison.backend.wechat.SubscribeNotifier;
import cn.liaison.backend.wechat.WechatApi;
import cn.liaison.bots.chat.Turn;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mini-program channel: WeChat login and enterprise binding, the chat bot's API and transcript
 * purge (job {@code chat-transcripts}). With WeChat configured (WECHAT_APPID, WECHAT_SECRET) it adds
 * subscribe messages for progress and WeChat's content check; with WECHAT_TOKEN too, the message
 * push endpoint with its customer-service replies (job {@code wechat-push} sweeps what a crash left;
 * publishes {@link PushInbox}). What is not configured contributes nothing.
 */
public final class MiniProgramFeature implements Feature {

    private static final Logger LOG = LoggerFactory.getLogger(MiniProgramFeature.class);

    private final MiniProgramConfig config;

    public MiniProgramFeature(MiniProgramConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "mini-program";
    }

    @Override
    public Future<Void> start(Platform platform) {
        platform.collections(MiniAppCollections.BINDINGS);
        platform.collections(ChatModule.collections());
        WechatUsers users = platform.ports().require(WechatUsers.class);
        Tokens tokens = platform.ports().require(Tokens.class);
        Optional<WechatApi> api = config.wechatConfigured()
                ? Optional.of(new WechatApi(config, platform.stores().redis(),
                platform.vertx().createSharedWorkerExecutor("wechat-api", 4)))
                : Optional.empty();
        BiFunction<String, String, Future<Boolean>> contentCheck = api.filter(a -> config.msgSecCheck())
                .<BiFunction<String, String, Future<Boolean>>>map(a -> a::textIsSafe).orElse(null);
        ChatModule chat = new ChatModule(platform.stores().mongo(), platform.stores().redis(),
                platform.ports().require(KbModule.class).service(), platform.ports().require(RequestModule.class),
                platform.clock(), config, contentCheck, users, platform.ports().require(ProjectQueries.class),
                platform.ports().require(ChecklistService.class));
        EnterpriseBindings bindings = new EnterpriseBindings(platform.stores().mongo(), users,
                platform.ports().require(EnterpriseRegister.class), platform.ports().require(UnitDirectory.class),
                platform.clock(), platform.demo());
        platform.route(new MiniAppRoutes(new WechatLogin(api.orElse(null), platform.demo(), users, tokens, platform.clock()),
                bindings, users, tokens));
        platform.route(chat.routes());
        platform.jobs().add(Job.everywhere("chat-transcripts", Schedule.every(Duration.ofHours(1)),
                () -> chat.purgeTranscripts().map(Long::intValue)));
        api.ifPresent(wechat -> startWechat(platform, wechat, users, chat));
        return Future.all(chat.ensureIndexes(), IndexRegistry.apply(platform.stores().mongo(), MiniAppCollections.BINDINGS))
                .mapEmpty();
    }

    /** Subscribe messages, and the push endpoint when WECHAT_TOKEN is set. */
    private void startWechat(Platform platform, WechatApi api, WechatUsers users, ChatModule chat) {
        platform.collections(SubscribeNotifier.collections());
        RequestQueries requests = platform.ports().require(RequestQueries.class);
        platform.notifier(new SubscribeNotifier(api, platform.stores().mongo(), platform.stores().redis(), config.templates(),
                config.fieldKeys(), users::openidOf, requests::summary, platform.clock()));
        if (config.token().isEmpty()) {
            LOG.info("WeChat message push: off (needs WECHAT_APPID, WECHAT_SECRET and WECHAT_TOKEN)");
            return;
        }
        PushInbox.Bot bot = new PushInbox.Bot() {
            @Override
            public Future<Principal> userFor(String openid) {
                return users.signIn(openid, null, platform.clock().instant());
            }

            @Override
            public Future<Turn> chat(Principal user, String openid, String conversationId, String text) {
                return chat.service().handle(user, openid, conversationId, text);
            }
        };
        PushInbox inbox = new PushInbox(platform.stores().mongo(), platform.stores().redis(),
                new RedisLock(platform.stores().redis()), bot, api, platform.clock(), config.chatIdle());
        platform.rawRoute(new PushRoutes(new PushCodec(config.token().get(), config.appId().get(),
                config.aesKey().orElse(null)), inbox, platform.clock(), config.pushMaxAge()));
        platform.jobs().add(Job.everywhere("wechat-push", Schedule.every(Duration.ofSeconds(5)), inbox::runOnce));
        platform.ports().publish(PushInbox.class, inbox);
    }
}
