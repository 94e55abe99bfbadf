package cn.liaison.backend.hotline;

import cn.liaison.backend.kb.KbModule;
import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import cn.liaison.backend.request.RequestModule;
import cn.liaison.bots.hotline.HotlineAssistant;
import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hotline: the assist bot for agents (with call context in Redis and calls in
 * {@code hotline_calls}) and the 12345 work-order integration (signed webhook in, admitted as the
 * contract's {@code PLATFORM_12345} caller; callbacks out through the outbox).
 */
public final class HotlineFeature implements Feature {

    /** The machine caller named in the contract's {@code x-roles} of the 12345 operations. */
    public static final String PLATFORM_12345 = "PLATFORM_12345";
    private static final Logger LOG = LoggerFactory.getLogger(HotlineFeature.class);

    private final Hotline12345Settings settings;

    public HotlineFeature(Hotline12345Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "hotline";
    }

    @Override
    public Future<Void> start(Platform platform) {
        platform.collections(HotlineCollections.CALLS);
        RequestModule requests = platform.ports().require(RequestModule.class);
        HotlineCalls calls = new HotlineCalls(platform.stores().mongo());
        HotlineAssistant assistant = new HotlineAssistant(
                new KbSearchAdapter(platform.ports().require(KbModule.class).knowledgeBase(),
                        platform.ports().require(KbModule.class).service()),
                new RedisCallContexts(platform.stores().redis()));
        InboundGuard guard = new InboundGuard(settings, platform.stores().redis(), platform.clock());
        platform.route(new HotlineRoutes(assistant, calls, requests, platform.clock()));
        platform.ports().publish(cn.liaison.backend.stats.DirectAnswers.Hotline.class, calls::directAnswers);
        platform.route(new Integration12345Routes(new WorkOrders(requests), guard));
        platform.caller(PLATFORM_12345, guard::admit);
        WebClient client = WebClient.create(platform.vertx(), new WebClientOptions().setUserAgent("liaison-12345/1")
                .setConnectTimeout(5_000));
        platform.notifier(new PlatformCallbackNotifier(settings, client, requests, platform.clock()));
        LOG.info("12345 integration: {}", settings.enabled()
                ? "on, callbacks to " + settings.base().map(Object::toString).orElse("(no HOTLINE_12345_BASE: held in the outbox)")
                : "off (HOTLINE_12345_SECRET not set: its endpoints answer 503)");
        return calls.ensureIndexes();
    }
}
