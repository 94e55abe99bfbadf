package cn.liaison.backend.sla;

import cn.liaison.backend.request.SlaPolicy;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.identity.UserDirectory;
import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import cn.liaison.backend.platform.jobs.Jobs.Job;
import cn.liaison.backend.platform.jobs.Schedule;
import cn.liaison.backend.request.RequestModule;
import cn.liaison.backend.request.RequestQueries;
import io.vertx.core.Future;
import java.time.Duration;

/** Time limits: reminders, overdue, escalation and auto-close, scanned every minute (job {@code sla}). */
public final class SlaFeature implements Feature {

    private final SlaPolicy policy;

    public SlaFeature(SlaPolicy policy) {
        this.policy = policy;
    }

    @Override
    public String name() {
        return "time limits";
    }

    @Override
    public Future<Void> start(Platform platform) {
        RequestModule requests = platform.ports().require(RequestModule.class);
        SlaScheduler scheduler = new SlaScheduler(platform.ports().require(RequestQueries.class), requests.intake(),
                platform.ports().require(UserDirectory.class),
                SlaScheduler.rules(platform.ports().require(WorkingCalendar.class), policy), platform.clock(),
                requests.timeLimits());
        platform.jobs().add(Job.leased("sla", Schedule.every(Duration.ofMinutes(1)), SlaScheduler.LEASE, scheduler::runOnce));
        return Future.succeededFuture();
    }
}
