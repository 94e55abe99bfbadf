package cn.liaison.backend.ops;

import cn.liaison.backend.kb.KbModule;
import cn.liaison.backend.live.EventStreamRoutes;
import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import cn.liaison.backend.platform.jobs.Jobs.Job;
import cn.liaison.backend.platform.jobs.Schedule;
import cn.liaison.backend.platform.store.EmbeddedMongo;
import cn.liaison.backend.platform.store.StoreBoot;
import cn.liaison.backend.request.RequestModule;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * Operating the service as a feature: the backup operation, retention as an hourly job under its
 * lease, and the product gauges and management server once the other features run. Started last,
 * so it finds the ports it samples; a port of a feature that is off is simply not sampled.
 */
public final class OpsFeature implements Feature {

    private Operations operations;

    @Override
    public String name() {
        return "operations";
    }

    @Override
    public Future<Void> start(Platform platform) {
        operations = platform.ports().require(Operations.class);
        EmbeddedMongo embedded = platform.ports().require(StoreBoot.class).embeddedMongo().orElse(null);
        platform.route(operations.backupRoutes(embedded, platform.dataDir(), platform.clock()));
        var requests = platform.ports().find(RequestModule.class);
        var streams = platform.ports().find(EventStreamRoutes.class);
        var kb = platform.ports().find(KbModule.class);
        return operations.start(platform.stores(), platform.clock(), platform.contributed().collections(), l -> requests.ifPresent(r -> r.addListener(l)),
                        () -> streams.map(EventStreamRoutes::openCount).orElse(0),
                        () -> kb.map(k -> k.knowledgeBase().succeeded()).orElse(false))
                .onSuccess(v -> platform.jobs().add(Job.leased("retention", Schedule.every(Duration.ofHours(1)),
                        Duration.ofMinutes(10), () -> operations.retention().runOnce().map(Long::intValue))));
    }

    @Override
    public void drain() {
        if (operations != null) {
            operations.stopTimers();
        }
    }
}
