package cn.liaison.backend.miniapp;

import cn.liaison.backend.config.MiniProgramConfig;
import cn.liaison.backend.identity.Tokens;
import cn.liaison.backend.kb.KbModule;
import cn.liaison.backend.org.MongoEnterprises;
import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import cn.liaison.backend.platform.jobs.Jobs.Job;
import cn.liaison.backend.platform.jobs.Schedule;
import cn.liaison.backend.project.ChecklistService;
import cn.liaison.backend.request.RequestModule;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * The mini-program channel: WeChat login and binding, the chat bot, message push (job
 * {@code wechat-push} sweeps what a crash left), subscribe messages, transcript purge (job
 * {@code chat-transcripts}). The jobs take their own Redis leases. Publishes {@link MiniProgramModule}.
 */
public final class MiniProgramFeature implements Feature {

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
        MiniProgramModule module = new MiniProgramModule(platform.vertx(), platform.stores(), config, platform.demo(),
                platform.ports().require(KbModule.class).service(), platform.ports().require(RequestModule.class),
                platform.ports().require(MongoEnterprises.class), platform.ports().require(UnitDirectory.class),
                platform.ports().require(Tokens.class), platform.clock(), platform.ports().require(ChecklistService.class));
        module.routes().forEach(platform::route);
        module.rawRoutes().forEach(platform::rawRoute);
        module.channels().forEach(platform::notifier);
        if (module.inbox() != null) {
            platform.jobs().add(Job.everywhere("wechat-push", Schedule.every(Duration.ofSeconds(5)), module.inbox()::runOnce));
        }
        platform.jobs().add(Job.everywhere("chat-transcripts", Schedule.every(Duration.ofHours(1)),
                () -> module.chat().purgeTranscripts().map(Long::intValue)));
        platform.ports().publish(MiniProgramModule.class, module);
        return module.start(platform.stores());
    }
}
