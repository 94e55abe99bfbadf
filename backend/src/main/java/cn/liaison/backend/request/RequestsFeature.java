package cn.liaison.backend.request;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.identity.UserDirectory;
import cn.liaison.backend.org.EnterpriseDirectory;
import cn.liaison.backend.org.ProjectDirectory;
import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import cn.liaison.backend.platform.http.EdgeStrain;
import cn.liaison.backend.platform.jobs.Jobs.Job;
import cn.liaison.backend.platform.jobs.Schedule;
import cn.liaison.backend.platform.outbox.LoggingNotifier;
import cn.liaison.backend.platform.outbox.OutboxDispatcher;
import cn.liaison.backend.request.SlaPolicy;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * The request loop (诉求): intake with assessment (the knowledge base's {@link TopicClassifier}), the state machine, the
 * ledger, and the outbox that delivers its notifications (job {@code outbox}). Publishes
 * {@link RequestModule}.
 */
public final class RequestsFeature implements Feature {

    private final SlaPolicy sla;

    public RequestsFeature(SlaPolicy sla) {
        this.sla = sla;
    }

    @Override
    public String name() {
        return "requests";
    }

    @Override
    public Future<Void> start(Platform platform) {
        platform.collections(RequestCollections.REQUESTS, RequestCollections.COUNTERS);
        EnterpriseDirectory enterprises = platform.ports().require(EnterpriseDirectory.class);
        ProjectDirectory projects = platform.ports().require(ProjectDirectory.class);
        RequestModule requests = new RequestModule(platform.stores().mongo(),
                platform.ports().require(TopicClassifier.class),
                platform.ports().require(UnitDirectory.class), platform.ports().require(UserDirectory.class),
                enterprises, projects, platform.ports().require(WorkingCalendar.class), sla, platform.clock(),
                platform.ports().find(EdgeStrain.class)
                        .orElse(EdgeStrain.NONE));
        platform.notifier(new LoggingNotifier());
        OutboxDispatcher outbox = new OutboxDispatcher(requests.repository(), "request", platform.fanOut(),
                platform.stores().redis(), platform.clock());
        platform.jobs().add(Job.leased("outbox", Schedule.every(Duration.ofSeconds(1)), OutboxDispatcher.LEASE,
                outbox::runOnce));
        // requests left RECEIVED (assessment queue full, failed, or a restart) are offered again
        platform.jobs().add(Job.leased("assess", Schedule.every(Duration.ofSeconds(5)), Duration.ofSeconds(30),
                requests.intake()::assessWaiting));
        platform.ports().publish(RequestModule.class, requests);
        platform.ports().publish(RequestQueries.class, requests.queries());
        platform.route(new RequestRoutes(requests, platform.ports().require(cn.liaison.backend.platform.work.ReportWork.class)));
        return requests.start();
    }
}
