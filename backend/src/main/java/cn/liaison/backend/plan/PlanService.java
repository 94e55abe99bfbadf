package cn.liaison.backend.plan;

import cn.liaison.backend.org.Enterprise;
import cn.liaison.backend.org.EnterpriseDirectory;
import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.platform.outbox.NotificationEvent;
import cn.liaison.backend.platform.store.MongoDocs;
import cn.liaison.backend.project.EnterpriseUsers;
import cn.liaison.backend.project.ProjectService;
import cn.liaison.kb.KnowledgeBase;
import cn.liaison.kb.content.Entry;
import cn.liaison.kb.content.Kind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * 一企一策: opens a service plan for a project or an enterprise with a difficult demand, and reads
 * plans within the person's scope ({@link PlanScope}). Progress lives in {@link PlanProgress}.
 */
final class PlanService {

    static final int MAX_ITEMS = 30;
    static final int MAX_HELPERS = 10;

    private final PlanStore store;
    private final ProjectService projects;
    private final EnterpriseDirectory enterprises;
    private final UnitDirectory units;
    private final PlanPeople people;
    private final Future<KnowledgeBase> kb;
    private final PlanInput input;
    private final EnterpriseUsers enterpriseUsers;
    private final Clock clock;

    PlanService(PlanStore store, ProjectService projects, EnterpriseDirectory enterprises, UnitDirectory units,
                PlanPeople people, Future<KnowledgeBase> kb, PlanInput input, EnterpriseUsers enterpriseUsers, Clock clock) {
        this.store = store;
        this.projects = projects;
        this.enterprises = enterprises;
        this.units = units;
        this.people = people;
        this.kb = kb;
        this.input = input;
        this.enterpriseUsers = enterpriseUsers;
        this.clock = clock;
    }

    Future<PlanScope> scopeOf(Principal who) {
        if (!who.has(Role.UNIT_HEAD) || who.unitId() == null) {
            return Future.succeededFuture(new PlanScope(who, Set.of()));
        }
        return units.subtreeIds(who.unitId()).map(ids -> new PlanScope(who, ids));
    }

    /** The stored plan if the person may see it; 404 otherwise. */
    Future<JsonObject> visible(String id, Principal who) {
        return Future.all(store.find(id), scopeOf(who)).map(all -> {
            Optional<JsonObject> doc = all.resultAt(0);
            PlanScope scope = all.resultAt(1);
            return doc.filter(scope::canSee).orElseThrow(PlanProblem::notFound);
        });
    }

    Future<JsonObject> get(String id, Principal who) {
        return Future.all(visible(id, who), scopeOf(who))
                .map(all -> PlanJson.full(all.resultAt(0), all.<PlanScope>resultAt(1).isStaffFor(all.resultAt(0)), clock.instant()));
    }

    /**
     * Newest first, within scope; {@code status} filters; {@code cursor} continues after the last
     * plan of the previous page ({@code nextCursor}, present while there may be more).
     */
    Future<JsonObject> list(String status, String cursor, int limit, Principal who) {
        return scopeOf(who).compose(scope -> {
            PlanList page = PlanList.of(scope.filter(), status, cursor, limit);
            return store.find(page.filter(), PlanList.sort(), limit + 1, PlanJson.SUMMARY_FIELDS);
        }).map(docs -> {
            JsonArray items = new JsonArray();
            Instant now = clock.instant();
            docs.stream().limit(limit).forEach(d -> items.add(PlanJson.summary(d, now)));
            JsonObject out = new JsonObject().put("items", items);
            if (docs.size() > limit) {
                out.put("nextCursor", PlanList.cursorAfter(docs.get(limit - 1)));
            }
            return out;
        });
    }

    Future<JsonObject> create(JsonObject body, Principal who) {
        Instant now = clock.instant();
        String title = PlanInput.text(body, "title", true, 60);
        String goal = PlanInput.text(body, "goal", true, 1000);
        String demand = PlanInput.text(body, "demand", false, 1000);
        String projectId = body.getString("projectId");
        String enterpriseId = body.getString("enterpriseId");
        if ((projectId == null) == (enterpriseId == null)) {
            throw PlanProblem.invalid("projectId", "请选择项目（重大项目）或企业（困难诉求），二者填一项");
        }
        JsonArray stepsIn = body.getJsonArray("steps", new JsonArray());
        List<JsonObject> steps = new ArrayList<>();
        for (int i = 0; i < stepsIn.size(); i++) {
            steps.add(input.step(stepsIn.getJsonObject(i), "steps[" + i + "]", now));
        }
        JsonObject agency = body.getJsonObject("agency", new JsonObject());
        String leadId = agency.getString("leadId", who.userId());
        List<String> helperIds = PlanInput.texts(agency.getJsonArray("helperIds"), "agency.helperIds", MAX_HELPERS, 64);
        List<String> itemIds = PlanInput.texts(body.getJsonArray("itemIds"), "itemIds", MAX_ITEMS, 64);
        Future<JsonObject> place = projectId != null ? projectPlace(projectId, who) : enterprisePlace(enterpriseId, who);
        return place.compose(p -> Future.all(people.staff(leadId, "agency.leadId"), people.staff(helperIds, "agency.helperIds"),
                        people.staff(steps.stream().map(s -> s.getString("ownerId")).toList(), "steps.ownerId"), items(itemIds),
                        leader(p, body.getString("leaderId")), enterpriseUsers.idsOf(p.getString("enterpriseId")))
                .compose(all -> {
                    JsonObject lead = all.resultAt(0);
                    List<JsonObject> helpers = all.resultAt(1);
                    List<JsonObject> owners = all.resultAt(2);
                    for (int i = 0; i < steps.size(); i++) {
                        steps.get(i).put("ownerName", owners.get(i).getString("name"));
                    }
                    Set<String> involved = new LinkedHashSet<>(List.of(who.userId(), lead.getString("id")));
                    helpers.forEach(h -> involved.add(h.getString("id")));
                    owners.forEach(o -> involved.add(o.getString("id")));
                    JsonObject leaderOf = all.resultAt(4);
                    JsonObject doc = p.put("_id", UUID.randomUUID().toString()).put("title", title).put("goal", goal)
                            .put("demand", demand).put("items", all.<JsonArray>resultAt(3))
                            .put("agency", new JsonObject().put("lead", lead).put("helpers", new JsonArray(helpers)))
                            .put("people", new JsonArray(List.copyOf(involved))).put("steps", new JsonArray(steps))
                            .put("visits", new JsonArray()).put("status", PlanStatus.ACTIVE.name()).put("round", 0)
                            .put("createdBy", new JsonObject().put("id", who.userId()).put("name", who.name()))
                            .put("createdAt", MongoDocs.date(now)).put("updatedAt", MongoDocs.date(now))
                            .put("version", 0L).put("sla", new JsonObject());
                    if (leaderOf != null) {
                        doc.put("leaderId", leaderOf.getString("id")).put("leaderName", leaderOf.getString("name"));
                    }
                    PlanSteps.refreshNextDue(doc, now);
                    JsonObject history = PlanJson.event(now, who, "制定服务方案「" + title + "」");
                    PlanNotices notices = new PlanNotices(now)
                            .add(NotificationEvent.PLAN_ASSIGNED, involved.stream().filter(id -> !id.equals(who.userId())).toList(),
                                    "一企一策服务方案", "您参与服务方案「" + title + "」（" + doc.getString("enterpriseName") + "），请按步骤推进")
                            .progress(all.<List<String>>resultAt(5), doc, "方案已制定",
                                    "我们为您制定了服务方案「" + title + "」，可在小程序查看进度");
                    doc.put("history", new JsonArray().add(history)).put("outbox", notices.asArray());
                    return store.insert(doc);
                }))
                .map(doc -> PlanJson.full(doc, true, now));
    }

    private Future<JsonObject> projectPlace(String projectId, Principal who) {
        return projects.get(projectId, who).recover(e -> Future.failedFuture(PlanProblem.invalid("projectId", "项目不存在或不在您的服务范围")))
                .compose(p -> enterprises.find(p.getString("enterpriseId")).map(e -> new JsonObject()
                        .put("projectId", p.getString("id")).put("projectName", p.getString("name"))
                        .put("projectLeaderId", p.getString("leaderId"))
                        .put("enterpriseId", p.getString("enterpriseId"))
                        .put("enterpriseName", e.map(Enterprise::name).orElse(p.getString("enterpriseId")))
                        .put("district", p.getString("district")).put("parkId", p.getString("parkId"))));
    }

    private Future<JsonObject> enterprisePlace(String enterpriseId, Principal who) {
        return Future.all(enterprises.find(enterpriseId), scopeOf(who)).map(all -> {
            Optional<Enterprise> e = all.resultAt(0);
            PlanScope scope = all.resultAt(1);
            JsonObject place = e.map(x -> new JsonObject().put("enterpriseId", x.id()).put("enterpriseName", x.name())
                    .put("district", x.districtUnitId()).put("parkId", x.parkId())).orElse(null);
            boolean mine = place != null && (scope.supervises(place.getString("district"), place.getString("parkId"))
                    || who.unitId() != null && (who.unitId().equals(place.getString("district")) || who.unitId().equals(place.getString("parkId"))));
            if (!mine) {
                throw PlanProblem.invalid("enterpriseId", "企业不存在或不在您的服务范围");
            }
            return place;
        });
    }

    /** 包片领导: named on the request, else the project's leader; must be a unit head or city admin. */
    private Future<JsonObject> leader(JsonObject place, String requested) {
        String id = requested != null ? requested : place.getString("projectLeaderId");
        place.remove("projectLeaderId");
        return id == null ? Future.succeededFuture() : people.staff(id, "leaderId");
    }

    /** Items from the service-item list (and so from the project checklist, which is made of them). */
    private Future<JsonArray> items(List<String> ids) {
        return kb.map(base -> {
            JsonArray out = new JsonArray();
            for (String id : new LinkedHashSet<>(ids)) {
                Entry e = base.entry(id).filter(x -> x.kind() == Kind.ITEM)
                        .orElseThrow(() -> PlanProblem.invalid("itemIds", "没有这个服务事项：" + id));
                out.add(new JsonObject().put("itemId", e.id()).put("title", e.title()));
            }
            return out;
        });
    }
}
