package cn.liaison.backend.request;

import static cn.liaison.backend.platform.store.MongoDocs.date;
import static cn.liaison.backend.platform.store.MongoDocs.instant;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.platform.http.EdgeStrain;
import cn.liaison.backend.platform.outbox.Notification;
import cn.liaison.backend.platform.outbox.NotificationEvent;
import cn.liaison.backend.org.EnterpriseDirectory;
import cn.liaison.backend.org.ProjectDirectory;
import cn.liaison.backend.platform.Published;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 收集 and 研判: stores a new request exactly once (an {@code Idempotency-Key} replays the first
 * result) and acknowledges it; assessment and routing follow at once, off the caller's path
 * ({@link AssessmentQueue}), in one versioned update. A request the queue cannot take, or whose
 * assessment failed, stays {@code RECEIVED} and the job {@code assess} offers it again within
 * seconds: nothing acknowledged is dropped.
 */
@Published
public final class Intake {

    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);

    private final RequestRepository repository;
    private final Assessor assessor;
    private final RequestEffects effects;
    private final ProjectDirectory projects;
    private final EnterpriseDirectory enterprises;
    private final WorkingCalendar calendar;
    private final SlaPolicy policy;
    private final Clock clock;
    private final RequestListener listener;
    private final ProjectAccess access;
    private final Supervisors supervisors;
    private final Districts districts;

    /** Failed assessments before a request goes to the city office for review instead. */
    static final int MAX_ASSESS_FAILURES = 3;
    /** Assessments at once (retrieval is CPU-bound), and while the HTTP edge is strained; beyond that they wait. */
    static final int ASSESSMENTS_AT_ONCE = 4;
    static final int ASSESSMENTS_AT_ONCE_STRAINED = 1;
    /** Assessments waiting; beyond that the job picks requests up. */
    private final AssessmentQueue queue;
    /** How long a new request is left to the queue before the job offers it again. */
    static final java.time.Duration ASSESS_GRACE = java.time.Duration.ofSeconds(10);

    Intake(RequestRepository repository, Assessor assessor, RequestEffects effects, ProjectDirectory projects,
           EnterpriseDirectory enterprises,
           WorkingCalendar calendar, SlaPolicy policy, Clock clock, RequestListener listener, Supervisors supervisors,
           ProjectAccess access, Districts districts, EdgeStrain strain) {
        this.queue = new AssessmentQueue(this::assess,
                () -> strain.strained() ? ASSESSMENTS_AT_ONCE_STRAINED : ASSESSMENTS_AT_ONCE, 2_000);
        this.supervisors = supervisors;
        this.districts = districts;
        this.listener = listener;
        this.repository = repository;
        this.assessor = assessor;
        this.effects = effects;
        this.projects = projects;
        this.enterprises = enterprises;
        this.calendar = calendar;
        this.policy = policy;
        this.clock = clock;
        this.access = access;
    }

    /** The stored request and whether this call created it (false: an idempotent replay). */
    public record Submitted(JsonObject document, boolean created) {
    }

    public Future<Submitted> submit(NewRequest in, Actor actor, Channel channel, String idempotencyKey) {
        return submit(in, actor, channel, idempotencyKey, Preset.NONE);
    }

    /** As above, with what an external system fixes (a 12345 order's deadline and number). */
    public Future<Submitted> submit(NewRequest in, Actor actor, Channel channel, String idempotencyKey, Preset preset) {
        Future<java.util.Optional<JsonObject>> earlier = idempotencyKey == null
                ? Future.succeededFuture(java.util.Optional.empty())
                : repository.find(RequestRepository.idFor(actor.id(), idempotencyKey));
        String fingerprint = IdempotencyFingerprint.of(in, channel);
        return earlier.compose(found -> found.isPresent()
                ? IdempotencyFingerprint.replay(found.get(), fingerprint).map(doc -> new Submitted(doc, false))
                : checkProject(in, actor).compose(enterpriseId -> names(in.projectId(), enterpriseId)
                        .compose(names -> store(in, actor, channel, idempotencyKey, enterpriseId, preset, names))));
    }

    private Future<String> checkProject(NewRequest in, Actor actor) {
        if (in.projectId() == null) {
            return Future.succeededFuture(actor.enterpriseId());
        }
        return projects.find(in.projectId()).compose(project -> (project.isEmpty() ? Future.succeededFuture(false)
                : access.mayRead(project.get(), actor)).map(visible -> {
            if (!visible) {
                throw cn.liaison.backend.platform.http.ProblemException.notFound("项目不存在或无权查看");
            }
            return project.get().enterpriseId();
        }));
    }

    /** The enterprise's and project's names, stored with the request so lists and phones can show them. */
    private Future<JsonObject> names(String projectId, String enterpriseId) {
        JsonObject names = new JsonObject();
        Future<Void> project = projectId == null ? Future.succeededFuture()
                : projects.find(projectId).map(p -> {
                    p.ifPresent(found -> names.put("projectName", found.name()));
                    return null;
                });
        Future<Void> enterprise = enterpriseId == null ? Future.succeededFuture()
                : enterprises.find(enterpriseId).map(e -> {
                    e.ifPresent(found -> names.put("enterpriseName", found.name()));
                    return null;
                });
        return Future.all(project, enterprise).map(names);
    }

    private Future<Submitted> store(NewRequest in, Actor actor, Channel channel, String key, String enterpriseId,
                                    Preset preset, JsonObject names) {
        Instant now = clock.instant();
        return repository.nextNumber(now.atZone(MongoDocs.ZONE).toLocalDate()).compose(number -> {
            JsonObject doc = RequestTransitions.initial(new JsonObject())
                    .put("_id", key == null ? UUID.randomUUID().toString() : RequestRepository.idFor(actor.id(), key))
                    .put("number", number)
                    .put("version", 0L)
                    .put("channel", channel.wire())
                    .put("content", in.content())
                    .put("createdBy", new JsonObject().put("id", actor.id()).put("name", actor.name()).put("role", actor.mainRole()))
                    .put("createdAt", date(now));
            putIfPresent(doc, "type", in.type() == null ? null : in.type().name());
            putIfPresent(doc, "projectId", in.projectId());
            putIfPresent(doc, "enterpriseId", enterpriseId);
            putIfPresent(doc, "enterpriseName", names.getString("enterpriseName"));
            putIfPresent(doc, "projectName", names.getString("projectName"));
            putIfPresent(doc, "districtName", in.district());
            putIfPresent(doc, "idempotencyKey", key);
            putIfPresent(doc, "idempotencyHash", key == null ? null : IdempotencyFingerprint.of(in, channel));
            putIfPresent(doc, "orderNo", preset.orderNo());
            if (preset.dueAt() != null) {
                // Kept by assessment instead of the type's time limit.
                doc.put("dueAt", date(preset.dueAt()));
            }
            if (!preset.source().isEmpty()) {
                doc.put("source", new JsonObject(new java.util.HashMap<>(preset.source())));
            }
            if (in.contactName() != null || in.contactPhone() != null) {
                doc.put("contact", new JsonObject().put("name", in.contactName()).put("phone", in.contactPhone()));
            }
            doc.put("history", new io.vertx.core.json.JsonArray().add(Events.history(now, actor, channel.wire(),
                    Action.CREATE, null, RequestStatus.RECEIVED, null, null)));
            doc.put("outbox", new io.vertx.core.json.JsonArray().add(Events.outbox(Events.notification(
                    doc.getString("_id"), NotificationEvent.RECEIVED, List.of(actor.id()), "诉求已受理",
                    "您的诉求已受理，编号 " + number + "，我们将尽快研判办理", now))));
            return repository.insert(doc)
                    .onSuccess(stored -> listener.changed(stored, Action.CREATE))
                    .recover(error -> MongoDocs.isDuplicateKey(error) && key != null
                            ? repository.find(doc.getString("_id")).map(f -> f.orElseThrow())
                            .compose(existing -> IdempotencyFingerprint.replay(existing, doc.getString("idempotencyHash")))
                            .compose(existing -> Future.failedFuture(new Replayed(existing)))
                            : Future.failedFuture(error))
                    .onSuccess(queue::offer)
                    .map(stored -> new Submitted(stored, true))
                    .recover(error -> error instanceof Replayed replayed
                            ? Future.succeededFuture(new Submitted(replayed.document, false))
                            : Future.failedFuture(error));
        });
    }

    /** One pass of the job {@code assess}: offers requests left {@code RECEIVED} longer than {@link #ASSESS_GRACE}
     * (queue full, failed attempt, restart) to the queue, oldest first. */
    public Future<Integer> assessWaiting() {
        JsonObject query = new JsonObject().put("status", new JsonObject().put("$eq", RequestStatus.RECEIVED.name()))
                .put("createdAt", new JsonObject().put("$lt", date(clock.instant().minus(ASSESS_GRACE))));
        return repository.find(query, new JsonObject().put("createdAt", 1), 500)
                .map(docs -> (int) docs.stream().filter(queue::offer).count());
    }

    /** The id a request submitted by {@code userId} under {@code idempotencyKey} gets (stable across retries). */
    public static String requestIdFor(String userId, String idempotencyKey) {
        return RequestRepository.idFor(userId, idempotencyKey);
    }

    /** Assesses a {@code RECEIVED} request; on failure leaves it as it was for the scheduler to retry. */
    public Future<JsonObject> assess(JsonObject doc) {
        return assessor.assess(doc)
                .compose(a -> districts.place(a.district(), new JsonObject()).compose(place -> routeUpdate(doc, a, place)))
                .compose(update -> repository.update(doc.getString("_id"), doc.getLong("version"), update))
                .onSuccess(updated -> updated.ifPresent(after -> listener.changed(after, Action.ASSESS)))
                .map(updated -> updated.orElse(doc))
                .recover(error -> assessmentFailed(doc, error));
    }

    /**
     * Counts a failed assessment; the scheduler retries, and after {@link #MAX_ASSESS_FAILURES} the
     * request goes to the city office for review with a note, so it always reaches someone.
     */
    private Future<JsonObject> assessmentFailed(JsonObject doc, Throwable error) {
        int failures = doc.getInteger("assessFailures", 0) + 1;
        LOG.warn("Assessment of request {} failed ({} of {}): {}", doc.getString("number"), failures,
                MAX_ASSESS_FAILURES, error.toString());
        String id = doc.getString("_id");
        long version = doc.getLong("version");
        Future<JsonObject> update = failures < MAX_ASSESS_FAILURES
                ? Future.succeededFuture(new JsonObject().put("$set", new JsonObject().put("assessFailures", failures)))
                : routeUpdate(doc, new Assessment(Assessment.Outcome.REVIEW,
                        RequestDocuments.type(doc).orElse(cn.liaison.bots.domain.RequestType.CONSULT),
                        null, null, 0, null, null, null, null, null, null,
                        "自动研判连续 " + failures + " 次未能完成，转市人防办人工研判"), new JsonObject())
                        .map(u -> {
                            u.getJsonObject("$set").put("assessFailures", failures);
                            return u;
                        });
        return update.compose(u -> repository.update(id, version, u))
                .onSuccess(updated -> updated.filter(after -> !RequestStatus.RECEIVED.name().equals(after.getString("status")))
                        .ifPresent(after -> listener.changed(after, Action.ASSESS)))
                .map(updated -> updated.orElse(doc))
                .otherwise(doc);
    }

    private Future<JsonObject> routeUpdate(JsonObject doc, Assessment a, JsonObject place) {
        Instant now = clock.instant();
        Instant created = instant(doc.getValue("createdAt"));
        Instant due = doc.getValue("dueAt") != null ? instant(doc.getValue("dueAt"))
                : calendar.deadline(created, policy.completionDays(a.type())).toInstant();
        JsonObject set = new JsonObject()
                .put("type", a.type().name())
                .put("signDeadline", date(calendar.deadline(created, policy.signDays()).toInstant()))
                .put("dueAt", date(due))
                .put("activeDueAt", date(due))
                .put("calendarIncomplete", !calendar.completeBetween(created.atZone(WorkingCalendar.ZONE).toLocalDate(),
                        due.atZone(WorkingCalendar.ZONE).toLocalDate()))
                .put("assessment", new JsonObject().put("outcome", a.outcome().name()).put("reason", a.reason())
                        .put("confidence", a.confidence()).put("at", date(now)));
        putIfPresent(set, "category", a.category());
        putIfPresent(set, "categoryTitle", a.categoryTitle());
        set.mergeIn(place);
        putIfPresent(set, "parkId", a.parkId());
        putIfPresent(set, "unitId", a.unitId());
        RequestSnapshot received = RequestDocuments.snapshotOf(doc);
        RequestStateMachine.Decision assessed = RequestTransitions.bySystem(
                new Command.Assess(a.type(), a.category(), a.unitId(), a.reason()), received);
        RequestSnapshot afterAssessment = received.withStatus(assessed.to());
        List<JsonObject> history = new ArrayList<>();
        history.add(Events.history(now, Actor.SYSTEM, "SYSTEM", Action.ASSESS, assessed.from(),
                assessed.to(), a.reason(), null));
        List<Notification> notes = new ArrayList<>();
        Future<RequestStateMachine.Decision> status = switch (a.outcome()) {
            case ASSIGN -> {
                RequestStateMachine.Decision assigned = RequestTransitions.bySystem(
                        new Command.Assign(a.liaisonId(), a.reason()), afterAssessment);
                set.put("liaisonId", a.liaisonId()).put("liaisonName", a.liaisonName());
                history.add(Events.history(now, Actor.SYSTEM, "SYSTEM", Action.ASSIGN, assigned.from(),
                        assigned.to(), a.reason(), new JsonObject().put("liaisonId", a.liaisonId())));
                notes.add(Events.notification(doc.getString("_id"), NotificationEvent.ASSIGNED, List.of(a.liaisonId()),
                        "新任务", Events.assignedText(doc.getString("number")), now));
                yield Future.succeededFuture(assigned);
            }
            case FORWARD -> {
                RequestStateMachine.Decision forwarded = RequestTransitions.bySystem(
                        new Command.Forward(a.department(), a.reason()), afterAssessment);
                set.put("forward", new JsonObject().put("department", a.department()).put("note", a.reason()).put("at", date(now)));
                history.add(Events.history(now, Actor.SYSTEM, "SYSTEM", Action.FORWARD, forwarded.from(),
                        forwarded.to(), a.reason(), new JsonObject().put("department", a.department())));
                notes.add(Events.notification(doc.getString("_id"), NotificationEvent.FORWARDED,
                        List.of(doc.getJsonObject("createdBy").getString("id")), "诉求已转办",
                        "您反映的事项不属于人防业务，已转" + a.department() + "办理", now));
                yield Future.succeededFuture(forwarded);
            }
            case REVIEW -> supervisors.of(a.unitId()).map(heads -> {
                notes.add(Events.notification(doc.getString("_id"), NotificationEvent.NEEDS_ASSIGNMENT, heads,
                        "诉求待分派", "诉求 " + doc.getString("number") + " 需要研判分派：" + a.reason(), now));
                return assessed;
            });
        };
        return status.map(decision -> new JsonObject()
                .put("$set", RequestTransitions.write(set, decision))
                .put("$push", Events.push(history, notes)));
    }

    private static void putIfPresent(JsonObject json, String field, Object value) {
        if (value != null) {
            json.put(field, value);
        }
    }

    /** Carries the request an idempotent replay found, past the assessment step. */
    private static final class Replayed extends RuntimeException {
        private final transient JsonObject document;

        Replayed(JsonObject document) {
            super(null, null, false, false);
            this.document = document;
        }
    }
}
