package cn.liaison.backend.project;

import cn.liaison.backend.platform.Published;
import cn.liaison.kb.scenario.ApprovalStage;
import static cn.liaison.backend.platform.store.MongoDocs.date;

import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.identity.StaffMember;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The project library: create, read, change and list projects within the person's scope; every
 * create and change runs policy matching and writes matches, stage history and notifications in
 * the same versioned update.
 */
@Published
public final class ProjectService {

    private static final int RETRIES = 3;

    private final ProjectStore store;
    private final ProjectPeople people;
    private final PolicyReconciler policies;
    private final EnterpriseUsers enterpriseUsers;
    private final Clock clock;
    private final Function<Project, String> cardUrl;

    ProjectService(ProjectStore store, ProjectPeople people, PolicyReconciler policies, EnterpriseUsers enterpriseUsers,
                   Clock clock, Function<Project, String> cardUrl) {
        this.store = store;
        this.people = people;
        this.policies = policies;
        this.enterpriseUsers = enterpriseUsers;
        this.clock = clock;
        this.cardUrl = cardUrl;
    }

    Future<ProjectScope> scopeOf(Principal who) {
        if (!who.has(Role.UNIT_HEAD) || who.unitId() == null) {
            return Future.succeededFuture(new ProjectScope(who, Set.of()));
        }
        return people.units().subtreeIds(who.unitId()).map(units -> new ProjectScope(who, units));
    }

    /** The stored document of a project the person may see; 404 otherwise. */
    Future<JsonObject> visible(String id, Principal who) {
        return Future.all(store.document(id), scopeOf(who)).map(all -> {
            Optional<JsonObject> doc = all.resultAt(0);
            ProjectScope scope = all.resultAt(1);
            return doc.filter(d -> scope.canSee(ProjectDocuments.project(d)))
                    .orElseThrow(() -> new ProjectNotFound("项目不存在"));
        }).compose(people::named);
    }

    /** Every project as the API shows it, with the names people read (see {@link ProjectPeople#named}). */
    Future<List<JsonObject>> renderAll(List<JsonObject> docs) {
        return Future.all(docs.stream().map(people::named).toList())
                .map(done -> done.<JsonObject>list().stream().map(this::render).toList());
    }

    public Future<JsonObject> get(String id, Principal who) {
        return visible(id, who).map(this::render);
    }

    JsonObject render(JsonObject doc) {
        Project p = ProjectDocuments.project(doc);
        return ProjectJson.toApi(doc, p.kind().isMajor() ? cardUrl.apply(p) : null);
    }

    public Future<JsonObject> create(JsonObject body, Principal who) {
        String enterpriseId = who.has(Role.ENTERPRISE) ? who.enterpriseId() : body.getString("enterpriseId");
        if (who.has(Role.ENTERPRISE) && body.getString("enterpriseId") != null && !body.getString("enterpriseId").equals(enterpriseId)) {
            return Future.failedFuture(new ProjectRuleViolation("enterpriseId", "只能登记本企业的项目"));
        }
        return people.enterprise(enterpriseId).compose(enterprise -> scopeOf(who).compose(scope -> {
            String districtIn = body.getString("district", enterprise.districtUnitId());
            String parkIn = body.containsKey("parkId") ? body.getString("parkId")
                    : districtIn.equals(enterprise.districtUnitId()) ? enterprise.parkId() : null;
            return people.district(districtIn).compose(district -> people.park(parkIn, district).compose(park -> {
                String id = "project-" + Long.toString(clock.millis(), 36) + "-" + UUID.randomUUID().toString().substring(0, 8);
                Project base = new Project(id, "-", enterprise.id(), district, park, LandUse.OTHER, null, null, null, null,
                        null, null, false, null, null, null);
                boolean supervisor = scope.supervises(district, park);
                boolean staff = scope.isStaffFor(base);
                if (!who.has(Role.ENTERPRISE) && !staff) {
                    throw new ProjectAccessDenied("只能登记本单位辖区内的项目", List.of("district"));
                }
                List<String> forbidden = ProjectJson.forbidden(body, supervisor, staff, true);
                if (!forbidden.isEmpty()) {
                    throw new ProjectAccessDenied("无权设置：" + String.join("、", forbidden), forbidden);
                }
                Project wanted = ProjectJson.merge(base, body, district, park);
                return insert(wanted, scope, who);
            }));
        }));
    }

    private Future<JsonObject> insert(Project wanted, ProjectScope scope, Principal who) {
        Instant now = clock.instant();
        return Future.all(people.liaison(wanted.liaisonId(), wanted.districtUnitId(), scope), people.leader(wanted.leaderId()))
                .compose(found -> {
                    Optional<StaffMember> liaison = found.resultAt(0);
                    Optional<StaffMember> leader = found.resultAt(1);
                    PolicyReconciler.Outcome outcome = policies.reconcile(wanted, List.of(), today(now));
                    Project p = outcome.project();
                    JsonObject doc = ProjectDocuments.fields(p)
                            .put("_id", p.id())
                            .put("version", 0L)
                            .put("liaisonName", liaison.map(StaffMember::name).orElse(null))
                            .put("leaderName", leader.map(StaffMember::name).orElse(null))
                            .put("policyMatches", ProjectDocuments.matches(outcome.matches()))
                            .put("stageHistory", new JsonArray().add(stageEntry(null, p.stage(), now, who)))
                            .put("createdBy", new JsonObject().put("id", who.userId()).put("name", who.name()))
                            .put("createdAt", date(now))
                            .put("updatedAt", date(now));
                    return notices(p, outcome, p.liaisonId(), now)
                            .map(notices -> doc.put("outbox", notices.asArray()))
                            .compose(store::insert);
                })
                .compose(people::named).map(this::render);
    }

    public Future<JsonObject> update(String id, JsonObject body, Principal who) {
        return update(id, body, who, RETRIES);
    }

    private Future<JsonObject> update(String id, JsonObject body, Principal who, int attemptsLeft) {
        return Future.all(visible(id, who), scopeOf(who)).compose(all -> {
            JsonObject doc = all.resultAt(0);
            ProjectScope scope = all.resultAt(1);
            Project current = ProjectDocuments.project(doc);
            boolean supervisor = scope.supervises(current.districtUnitId(), current.parkId());
            boolean staff = scope.isStaffFor(current);
            boolean owner = who.has(Role.ENTERPRISE) && current.enterpriseId().equals(who.enterpriseId());
            if (!owner && !staff) {
                throw new ProjectAccessDenied("无权修改该项目", List.of());
            }
            List<String> forbidden = ProjectJson.forbidden(body, supervisor, staff, false);
            if (!forbidden.isEmpty()) {
                throw new ProjectAccessDenied("无权修改：" + String.join("、", forbidden), forbidden);
            }
            Future<String> district = body.containsKey("district") ? people.district(body.getString("district"))
                    : Future.succeededFuture(current.districtUnitId());
            return district.compose(d -> people.park(body.containsKey("parkId") ? body.getString("parkId")
                            : d.equals(current.districtUnitId()) ? current.parkId() : null, d)
                    .compose(park -> {
                        if (!scope.supervises(d, park) && (body.containsKey("district") || body.containsKey("parkId"))) {
                            throw new ProjectRuleViolation("district", "只能移到本单位辖区内");
                        }
                        Project wanted = ProjectJson.merge(current, body, d, park);
                        return change(doc, current, wanted, body, scope, who);
                    }));
        }).recover(e -> e instanceof StaleProject && attemptsLeft > 1 ? update(id, body, who, attemptsLeft - 1)
                : Future.failedFuture(e instanceof StaleProject ? new ProjectConflict() : e));
    }

    private Future<JsonObject> change(JsonObject doc, Project current, Project wanted, JsonObject body, ProjectScope scope,
                                      Principal who) {
        Instant now = clock.instant();
        Future<Optional<StaffMember>> liaison = body.containsKey("liaisonId")
                ? people.liaison(wanted.liaisonId(), wanted.districtUnitId(), scope) : Future.succeededFuture(Optional.empty());
        Future<Optional<StaffMember>> leader = body.containsKey("leaderId")
                ? people.leader(wanted.leaderId()) : Future.succeededFuture(Optional.empty());
        return Future.all(liaison, leader).compose(found -> {
            PolicyReconciler.Outcome outcome = policies.reconcile(wanted, ProjectDocuments.matches(doc), today(now));
            Project p = outcome.project();
            JsonObject set = ProjectDocuments.fields(p)
                    .put("policyMatches", ProjectDocuments.matches(outcome.matches()))
                    .put("updatedAt", date(now));
            if (body.containsKey("liaisonId")) {
                set.put("liaisonName", found.<Optional<StaffMember>>resultAt(0).map(StaffMember::name).orElse(null));
            }
            if (body.containsKey("leaderId")) {
                set.put("leaderName", found.<Optional<StaffMember>>resultAt(1).map(StaffMember::name).orElse(null));
            }
            JsonObject push = new JsonObject();
            if (p.stage() != current.stage()) {
                push.put("stageHistory", stageEntry(current.stage(), p.stage(), now, who));
            }
            String newLiaison = p.liaisonId() != null && !p.liaisonId().equals(current.liaisonId()) ? p.liaisonId() : null;
            return notices(p, outcome, newLiaison, now).compose(notices -> {
                if (!notices.isEmpty()) {
                    push.put("outbox", notices.push());
                }
                JsonObject update = new JsonObject().put("$set", set);
                if (!push.isEmpty()) {
                    update.put("$push", push);
                }
                return store.update(p.id(), doc.getLong("version", 0L), update);
            });
        }).map(updated -> updated.orElseThrow(StaleProject::new)).compose(people::named).map(this::render);
    }

    /** Re-runs matching for one stored project (nightly job); empty when nothing changed or someone was faster. */
    Future<Boolean> rematch(JsonObject doc) {
        Instant now = clock.instant();
        Project current;
        List<PolicyMatch> before;
        PolicyReconciler.Outcome outcome;
        try {
            current = ProjectDocuments.project(doc);
            before = ProjectDocuments.matches(doc);
            outcome = policies.reconcile(current, before, today(now));
        } catch (RuntimeException refused) {
            // a stored project the rules refuse (no district: written outside the API) fails this
            // future, as every other failure here does, instead of throwing out of the caller's chain
            return Future.failedFuture(refused);
        }
        if (outcome.matches().equals(before) && outcome.project().equals(current)) {
            return Future.succeededFuture(false);
        }
        JsonObject set = ProjectDocuments.fields(outcome.project())
                .put("policyMatches", ProjectDocuments.matches(outcome.matches())).put("updatedAt", date(now));
        return notices(outcome.project(), outcome, null, now).compose(notices -> {
            JsonObject update = new JsonObject().put("$set", set);
            if (!notices.isEmpty()) {
                update.put("$push", new JsonObject().put("outbox", notices.push()));
            }
            return store.update(current.id(), doc.getLong("version", 0L), update);
        }).map(Optional::isPresent);
    }

    private Future<ProjectNotices> notices(Project p, PolicyReconciler.Outcome outcome, String newLiaison, Instant now) {
        ProjectNotices notices = new ProjectNotices(p.name(), now);
        if (newLiaison != null) {
            notices.assigned(newLiaison);
        }
        if (outcome.newlyMatched().isEmpty() && outcome.newlyDue().isEmpty()) {
            return Future.succeededFuture(notices);
        }
        return Future.all(enterpriseUsers.idsOf(p.enterpriseId()), people.supervisors(p.servingUnitId(), p.districtUnitId()))
                .map(all -> {
                    outcome.newlyMatched().forEach(m -> notices.matched(m, all.resultAt(0), p.liaisonId()));
                    outcome.newlyDue().forEach(m -> notices.dueNotApplied(m, p.liaisonId(), all.resultAt(1)));
                    return notices;
                });
    }

    PolicyReconciler policies() {
        return policies;
    }

    Instant clockInstant() {
        return clock.instant();
    }

    LocalDate today(Instant now) {
        return now.atZone(cn.liaison.backend.platform.store.MongoDocs.ZONE).toLocalDate();
    }

    private static JsonObject stageEntry(ApprovalStage from, ApprovalStage to, Instant at, Principal who) {
        return new JsonObject().put("from", from == null ? null : from.name()).put("to", to.name())
                .put("toLabel", to.label()).put("at", date(at))
                .put("by", new JsonObject().put("id", who.userId()).put("name", who.name()));
    }

    /** Someone else changed the project between read and write. */
    private static final class StaleProject extends RuntimeException {
        StaleProject() {
            super("stale", null, false, false);
        }
    }

    /** Still stale after retries (→ 409). */
    static final class ProjectConflict extends RuntimeException {
        ProjectConflict() {
            super("项目正被他人修改，请稍后重试", null, false, false);
        }
    }
}
