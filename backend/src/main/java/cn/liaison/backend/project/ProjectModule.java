package cn.liaison.backend.project;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.platform.outbox.OutboxDispatcher;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.identity.UserAccounts;
import cn.liaison.backend.identity.UserDirectory;
import cn.liaison.backend.platform.outbox.Notifier;
import cn.liaison.backend.org.EnterpriseDirectory;
import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.policy.PolicyEngine;
import cn.liaison.backend.policy.PolicyEngine.Match;
import cn.liaison.backend.policy.PolicyRule;
import cn.liaison.backend.policy.PolicyRules;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import java.time.Clock;
import java.util.List;

/** The project library's parts, wired once at start: store, service, policies, visits, cards, outbox, nightly job. */
@Published
public final class ProjectModule {

    private final ProjectStore store;
    private final ProjectService service;
    private final ProjectList list;
    private final SiteVisits visits;
    private final ContactCards cards;
    private final OutboxDispatcher outbox;
    private final PolicyNightly nightly;

    /** Everything the module needs from outside it. */
    public record Ports(UnitDirectory units, UserDirectory users, UserAccounts accounts, EnterpriseDirectory enterprises,
                        EnterpriseUsers enterpriseUsers, FollowUpRequests followUps, Notifier notifier,
                        RedisAPI redis, WorkerExecutor workers, Clock clock) {
    }

    /**
     * @param rules       the policy rules (see {@link #bundledRules()})
     * @param region      the deployment's region (POLICY_REGION)
     * @param cardLink    the QR link template, with {@code {id}}
     */
    public ProjectModule(io.vertx.ext.mongo.MongoClient mongo, Ports ports, List<PolicyRule> rules, String region,
                         String cardLink) {
        store = new ProjectStore(mongo);
        ProjectPeople people = new ProjectPeople(ports.units(), ports.users(), ports.enterprises());
        PolicyReconciler reconciler = new PolicyReconciler(new PolicyEngine(rules, region));
        service = new ProjectService(store, people, reconciler, ports.enterpriseUsers(), ports.clock(),
                p -> "/api/v1/projects/" + p.id() + "/card.png");
        list = new ProjectList(service, store);
        visits = new SiteVisits(service, store, ports.followUps(), ports.clock());
        cards = new ContactCards(service, ports.accounts(), ports.enterprises(), ports.units(), ports.workers(), cardLink);
        outbox = new OutboxDispatcher(store, "project", ports.notifier(), ports.redis(), ports.clock());
        nightly = new PolicyNightly(service, store);
    }

    /** The rules bundled with the knowledge base, checked against the project facts (fails fast on a bad rule). */
    public static List<PolicyRule> bundledRules() {
        return PolicyRules.loadBundled(ProjectFacts.SCHEMA);
    }

    public Future<Void> start() {
        return store.ensureIndexes();
    }

    /** Demo projects get land use, areas and kind once, so the demo shows policies and a card. */
    public Future<Void> completeDemoProjects() {
        return Future.all(
                store.completeDemoProject("project-demo-1", new JsonObject().put("landUse", "RESIDENTIAL")
                        .put("totalFloorArea", 86000.0).put("aboveGroundFloorArea", 64000.0).put("floors", 18)
                        .put("basementDepth", 6.5).put("kind", "CITY_MAJOR").put("stage", "ENGINEERING_PERMIT")
                        .put("hasConstructionPlanningPermit", true).put("leaderId", "user-pukou-head").put("leaderName", "王磊")
                        .put("obligation", ProjectDocuments.obligation(Obligation.NONE.withMode(ObligationMode.ON_SITE)))
                        .put("version", 0L)),
                store.completeDemoProject("project-demo-2", new JsonObject().put("landUse", "INDUSTRIAL")
                        .put("totalFloorArea", 24000.0).put("aboveGroundFloorArea", 24000.0).put("floors", 4)
                        .put("basementDepth", 0.0).put("kind", "PRIVATE_KEY_INDUSTRIAL").put("stage", "PLANNING_PERMIT")
                        .put("hasConstructionPlanningPermit", false).put("obligation", ProjectDocuments.obligation(Obligation.NONE))
                        .put("version", 0L)))
                .mapEmpty();
    }

    /** {@code GET /projects/{id}/policies}: every match explained, and other regions' rules as references. */
    public Future<JsonObject> policies(String id, Principal who) {
        return service.visible(id, who).map(doc -> {
            Project p = ProjectDocuments.project(doc);
            JsonArray matches = new JsonArray();
            ProjectDocuments.matches(ProjectDocuments.matches(doc)).forEach(m -> matches.add(m));
            JsonArray references = new JsonArray();
            PolicyEngine engine = service.policies().engine();
            for (Match m : engine.evaluate(ProjectFacts.of(p), service.today(service.clockInstant())).references()) {
                references.add(new JsonObject().put("policyId", m.rule().id()).put("title", m.rule().title())
                        .put("region", m.rule().region()).put("topics", new JsonArray(m.rule().topics()))
                        .put("sources", new JsonArray(m.rule().sources()))
                        .put("effect", m.rule().effect().name()).put("effectText", m.rule().effectText())
                        .put("explanation", m.explanation())
                        .put("note", "本条为" + m.rule().region() + "的政策，仅供参考，不适用于" + engine.region() + "的项目"));
            }
            return new JsonObject().put("projectId", p.id()).put("region", engine.region())
                    .put("matches", matches).put("references", references);
        });
    }

    public ProjectService service() {
        return service;
    }

    ProjectList list() {
        return list;
    }

    /** A site visit the person may see (attachments ask before listing or adding files); 404 otherwise. */
    public Future<JsonObject> siteVisit(String projectId, String visitId, Principal who, boolean toChange) {
        return ProjectRoutes.call(() -> visits.visit(projectId, visitId, who, toChange))
                .recover(e -> Future.failedFuture(ProjectRoutes.translate(e)));
    }

    SiteVisits visits() {
        return visits;
    }

    ContactCards cards() {
        return cards;
    }

    public OutboxDispatcher outbox() {
        return outbox;
    }

    public PolicyNightly nightly() {
        return nightly;
    }

    public ProjectStore store() {
        return store;
    }
}
