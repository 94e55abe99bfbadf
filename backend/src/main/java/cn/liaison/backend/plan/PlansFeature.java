package cn.liaison.backend.plan;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.identity.UserDirectory;
import cn.liaison.backend.kb.KbModule;
import cn.liaison.backend.org.EnterpriseDirectory;
import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import cn.liaison.backend.platform.jobs.Jobs.Job;
import cn.liaison.backend.platform.jobs.Schedule;
import cn.liaison.backend.platform.outbox.OutboxDispatcher;
import cn.liaison.backend.project.ProjectModule;
import cn.liaison.backend.request.SlaPolicy;
import cn.liaison.backend.request.Supervisors;
import cn.liaison.backend.sla.DeadlineClock;
import io.vertx.core.Future;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Duration;

/**
 * 一企一策 / 陪跑: service plans for major projects and enterprises with a difficult demand
 * (collection {@code service_plans}), their steps' time limits (job {@code plan-deadlines}, every
 * minute under a lease) and their own outbox (job {@code plan-outbox}). Publishes
 * {@link PlanFigures} for the monthly summary.
 */
public final class PlansFeature implements Feature {

    private final SlaPolicy policy;

    public PlansFeature(SlaPolicy policy) {
        this.policy = policy;
    }

    @Override
    public String name() {
        return "service plans";
    }

    @Override
    public Future<Void> start(Platform platform) {
        UserDirectory users = platform.ports().require(UserDirectory.class);
        WorkingCalendar calendar = platform.ports().require(WorkingCalendar.class);
        platform.collections(PlanCollections.SERVICE_PLANS);
        PlanStore store = new PlanStore(platform.stores().mongo());
        PlanPeople people = new PlanPeople(platform.ports().require(UserDirectory.class));
        PlanInput input = new PlanInput(calendar);
        PlanAudience audience = new PlanAudience(users::enterpriseUserIds, new Supervisors(users));
        PlanService plans = new PlanService(store, platform.ports().require(ProjectModule.class).service(),
                platform.ports().require(EnterpriseDirectory.class), platform.ports().require(UnitDirectory.class), people,
                platform.ports().require(KbModule.class).knowledgeBase(), input, users::enterpriseUserIds, platform.clock());
        PlanProgress progress = new PlanProgress(plans, store, people, input, audience, policy.reworkDays(), platform.clock());
        PlanDeadlines deadlines = new PlanDeadlines(store, audience, new DeadlineClock(calendar, policy.escalateToCityAfter()),
                platform.clock());
        OutboxDispatcher outbox = new OutboxDispatcher(store, "plan", platform.fanOut(), platform.stores().redis(), platform.clock());
        platform.jobs().add(Job.leased("plan-deadlines", Schedule.every(Duration.ofMinutes(1)), PlanDeadlines.LEASE, deadlines::runOnce));
        platform.jobs().add(Job.leased("plan-outbox", Schedule.every(Duration.ofSeconds(1)), OutboxDispatcher.LEASE, outbox::runOnce));
        platform.ports().publish(PlanFigures.class, new PlanFigures(store));
        platform.route(new PlanRoutes(plans, progress));
        // The enterprise's progress view on a phone (also opened from the mini-program's web-view with #token=…).
        platform.rawRoute(router -> {
            router.getWithRegex("/plan").handler(rc -> rc.redirect("/plan/"));
            router.get("/plan/*").handler(StaticHandler.create("webroot/plan").setIndexPage("index.html"));
        });
        return store.ensureIndexes();
    }
}
