package cn.liaison.backend.mobile;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.identity.UserAccounts;
import cn.liaison.backend.identity.Tokens;
import cn.liaison.backend.live.EventStreamRoutes;
import cn.liaison.backend.live.LiveEvents;
import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import cn.liaison.backend.request.RequestModule;
import cn.liaison.backend.identity.WecomAccounts;
import cn.liaison.backend.wecom.WecomClient;
import cn.liaison.backend.wecom.WecomLoginRoutes;
import cn.liaison.backend.wecom.WecomNotifier;
import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff on their phones: WeCom sign-in and messages (when configured), live task events across
 * instances (Redis pub/sub) as Server-Sent Events, and the /m/ page. Publishes {@link LiveEvents}.
 */
public final class StaffMobileFeature implements Feature {

    private static final Logger LOG = LoggerFactory.getLogger(StaffMobileFeature.class);

    private final MobileConfig mobile;
    private LiveEvents liveEvents;
    private EventStreamRoutes eventStreams;

    public StaffMobileFeature(MobileConfig mobile) {
        this.mobile = mobile;
    }

    @Override
    public String name() {
        return "staff mobile";
    }

    @Override
    public Future<Void> start(Platform platform) {
        Tokens tokens = platform.ports().require(Tokens.class);
        WecomAccounts wecomLinks = platform.ports().require(WecomAccounts.class);
        Optional<WecomClient> wecom = mobile.wecom().map(settings -> new WecomClient(settings, platform.stores().redis(),
                platform.vertx().createSharedWorkerExecutor("wecom", 4)));
        String publicBase = mobile.publicBaseUrl().orElse("");
        wecom.ifPresent(client -> platform.notifier(new WecomNotifier(client, wecomLinks, platform.stores().redis(),
                mobile.quietHours(), publicBase, platform.clock())));
        LOG.info("Staff mobile: WeCom {}, password sign-in {}, quiet hours {}", wecom.isPresent() ? "on" : "off",
                mobile.passwordLogin() ? "on" : "off", mobile.quietHours());
        liveEvents = new LiveEvents(platform.vertx(), platform.stores().redis(), Redis.createClient(platform.vertx(),
                new RedisOptions().setConnectionString(platform.redisUrl()).setMaxPoolSize(1)));
        eventStreams = new EventStreamRoutes(platform.vertx(), liveEvents, tokens, platform.stores().redis(),
                mobile.sseHeartbeat());
        liveEvents.onLost(eventStreams::endAll); // Redis gone: streams end so clients reconnect and resume
        MobileRoutes page = new MobileRoutes(new DeadlineWords(platform.ports().require(WorkingCalendar.class)), platform.clock());
        platform.rawRoute(eventStreams);
        platform.rawRoute(page);
        platform.route(new WecomLoginRoutes(wecom, wecomLinks, platform.ports().require(UserAccounts.class), tokens,
                platform.stores().redis(), mobile.passwordLogin(), publicBase));
        platform.route(eventStreams);
        platform.route(page);
        platform.ports().publish(LiveEvents.class, liveEvents);
        platform.ports().publish(EventStreamRoutes.class, eventStreams);
        Future<Void> links = platform.demo() ? wecomLinks.linkDemoStaffByUsername().mapEmpty() : Future.succeededFuture();
        return links.compose(v -> liveEvents.start())
                .onSuccess(v -> platform.ports().require(RequestModule.class).addListener(liveEvents));
    }

    @Override
    public void drain() {
        if (eventStreams != null) {
            eventStreams.endAll();
        }
        if (liveEvents != null) {
            liveEvents.close();
        }
    }
}
