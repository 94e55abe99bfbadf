package cn.liaison.backend.project;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.config.AppConfig.ProjectSettings;
import cn.liaison.backend.identity.UserAccounts;
import cn.liaison.backend.identity.UserDirectory;
import cn.liaison.backend.identity.Tokens;
import cn.liaison.backend.org.EnterpriseDirectory;
import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.jobs.Jobs.Job;
import cn.liaison.backend.platform.jobs.Schedule;
import cn.liaison.backend.platform.outbox.OutboxDispatcher;
import cn.liaison.backend.request.Actor;
import cn.liaison.backend.request.Channel;
import cn.liaison.backend.request.InvalidInputException;
import cn.liaison.backend.request.NewRequest;
import cn.liaison.backend.request.RequestModule;
import cn.liaison.bots.domain.RequestType;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.LocalTime;

/**
 * The project library (项目库): policies that apply themselves (matched again every night at 02:00,
 * job {@code project-policies}), site visits, contact cards, and the projects' own outbox (job
 * {@code project-outbox}). Publishes {@link ProjectModule}.
 */
public final class ProjectsFeature implements Feature {

    private final ProjectSettings settings;

    public ProjectsFeature(ProjectSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "projects";
    }

    @Override
    public Future<Void> start(Platform platform) {
        platform.collections(ProjectCollections.SITE_VISITS);
        UserDirectory users = platform.ports().require(UserDirectory.class);
        RequestModule requests = platform.ports().require(RequestModule.class);
        ProjectModule.Ports ports = new ProjectModule.Ports(platform.ports().require(UnitDirectory.class), users,
                platform.ports().require(UserAccounts.class),
                platform.ports().require(EnterpriseDirectory.class), users::enterpriseUserIds,
                (projectId, type, content, who) -> openFollowUp(requests, projectId, type, content, who),
                platform.fanOut(), platform.stores().redis(), platform.blocking(), platform.clock());
        ProjectModule module = new ProjectModule(platform.stores().mongo(), ports, ProjectModule.bundledRules(),
                settings.policyRegion(), settings.cardLink());
        platform.jobs().add(Job.leased("project-outbox", Schedule.every(Duration.ofSeconds(1)), OutboxDispatcher.LEASE,
                module.outbox()::runOnce));
        platform.jobs().add(Job.leased("project-policies", Schedule.dailyAt(LocalTime.of(2, 0), WorkingCalendar.ZONE),
                PolicyNightly.LEASE, module.nightly()::runOnce));
        platform.ports().publish(ProjectModule.class, module);
        platform.rawRoute(new ProjectCardRoutes(module, new AuthHandler(platform.ports().require(Tokens.class))));
        platform.route(new ProjectRoutes(module));
        return module.start()
                .compose(v -> platform.demo() ? module.completeDemoProjects() : Future.succeededFuture());
    }

    /** A follow-up from a site visit becomes a request on the project (channel VISIT), routed as usual. */
    private static Future<FollowUpRequests.Opened> openFollowUp(RequestModule requests, String projectId, String type,
                                                                String content, Principal who) {
        try {
            NewRequest in = new NewRequest(type == null ? null : RequestType.valueOf(type), content, projectId, null, null, null);
            return requests.intake().submit(in, Actor.of(who), Channel.VISIT, null)
                    .map(s -> new FollowUpRequests.Opened(s.document().getString("_id"), s.document().getString("number")));
        } catch (InvalidInputException e) {
            return Future.failedFuture(new ProjectRuleViolation("followUps." + e.field(), e.getMessage()));
        }
    }
}
