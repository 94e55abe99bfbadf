package cn.liaison.backend.proactive;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.config.ProactiveConfig;
import cn.liaison.backend.identity.UserDirectory;
import cn.liaison.backend.kb.KbModule;
import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.platform.jobs.Jobs.Job;
import cn.liaison.backend.platform.jobs.Schedule;
import cn.liaison.backend.platform.outbox.OutboxDispatcher;
import cn.liaison.backend.project.ProjectQueries;
import cn.liaison.backend.request.RequestQueries;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/**
 * Service that comes first (主动问询, 跨前服务): the daily scan for proactive tasks (job
 * {@code proactive}, by default at 09:30 Beijing time, inside office hours so check-ins do not wake
 * anyone — PROACTIVE_SCAN_AT; under a lease), the tasks' outbox (job {@code proactive-outbox}) and the liaison's task list.
 */
public final class ProactiveFeature implements Feature {

    private final ProactiveConfig config;

    public ProactiveFeature(ProactiveConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "proactive service";
    }

    @Override
    public Future<Void> start(Platform platform) {
        UserDirectory users = platform.ports().require(UserDirectory.class);
        platform.collections(ProactiveCollections.TASKS, ProactiveCollections.CONTACTS);
        ProactiveStore store = new ProactiveStore(platform.stores().mongo());
        CheckIns checkIns = new CheckIns(store, users, users::enterpriseUserIds, config.contactsPerMonth());
        ProactiveScan scan = new ProactiveScan(platform.ports().require(ProjectQueries.class),
                platform.ports().require(RequestQueries.class), store,
                platform.ports().require(KbModule.class).knowledgeBase(), platform.ports().require(WorkingCalendar.class),
                checkIns, config, platform.clock());
        ProactiveTasks tasks = new ProactiveTasks(store, checkIns, platform.ports().require(UnitDirectory.class), platform.clock());
        Schedule when = config.scanEvery().map(Schedule::every)
                .orElseGet(() -> Schedule.dailyAt(config.scanAt(), WorkingCalendar.ZONE));
        platform.jobs().add(Job.leased("proactive", when, ProactiveScan.LEASE, scan::runOnce));
        OutboxDispatcher outbox = new OutboxDispatcher(store, "proactive", platform.fanOut(), platform.stores().redis(), platform.clock());
        platform.jobs().add(Job.leased("proactive-outbox", Schedule.every(Duration.ofSeconds(1)), OutboxDispatcher.LEASE, outbox::runOnce));
        platform.route(routes(tasks));
        return store.ensureIndexes();
    }

    /**
     * <pre>
     *   GET  /api/v1/proactive-tasks?status=&amp;limit=   listProactiveTasks     staff, within scope, newest first
     *   POST /api/v1/proactive-tasks/{id}/done         completeProactiveTask  {note, contacted}
     * </pre>
     */
    private static Routes routes(ProactiveTasks tasks) {
        return builder -> {
            builder.getRoute("listProactiveTasks").addHandler(rc -> {
                String limit = rc.queryParams().get("limit");
                tasks.list(rc.queryParams().get("status"), limit == null ? 50 : Integer.parseInt(limit), AuthHandler.principal(rc))
                        .onSuccess(rc::json).onFailure(rc::fail);
            });
            builder.getRoute("completeProactiveTask").addHandler(rc -> {
                try {
                    JsonObject body = rc.body().asJsonObject();
                    tasks.done(rc.pathParam("id"), body == null ? new JsonObject() : body, AuthHandler.principal(rc))
                            .onSuccess(rc::json).onFailure(rc::fail);
                } catch (RuntimeException e) {
                    rc.fail(e);
                }
            });
        };
    }
}
