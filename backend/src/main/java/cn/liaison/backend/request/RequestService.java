package cn.liaison.backend.request;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.ProblemType;
import cn.liaison.backend.platform.store.StoredValues;
import cn.liaison.backend.org.UnitDirectory;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Reads and changes requests on behalf of a person: resolves what they may see, lets the state
 * machine decide, writes the change with its history and notifications in one versioned update, and
 * retries when someone else changed the request in between (the machine then decides again, so a
 * lost race becomes a clear 409).
 */
@Published
public final class RequestService {

    private static final int MAX_ATTEMPTS = 5;

    private final RequestRepository repository;
    private final RequestStateMachine machine;
    private final RequestEffects effects;
    private final UnitDirectory units;
    private final Clock clock;
    private final RequestListener listener;

    RequestService(RequestRepository repository, RequestStateMachine machine, RequestEffects effects,
                   UnitDirectory units, Clock clock, RequestListener listener) {
        this.listener = listener;
        this.repository = repository;
        this.machine = machine;
        this.effects = effects;
        this.units = units;
        this.clock = clock;
    }

    public Future<Scope> scopeOf(Actor actor) {
        if (!actor.has(Role.UNIT_HEAD) || actor.unitId() == null) {
            return Future.succeededFuture(new Scope(actor, Set.of()));
        }
        return units.subtreeIds(actor.unitId()).map(ids -> new Scope(actor, ids));
    }

    /** The request as {@code actor} sees it; 404 when it does not exist or is outside their scope. */
    public Future<JsonObject> get(String id, Actor actor) {
        return scopeOf(actor).compose(scope -> visible(id, scope).map(doc -> render(doc, scope)));
    }

    public Future<JsonObject> act(String id, Command command, Actor actor) {
        return scopeOf(actor).compose(scope -> attempt(id, command, scope, 1)).map(r -> r);
    }

    private Future<JsonObject> attempt(String id, Command command, Scope scope, int attempt) {
        return visible(id, scope).compose(doc -> {
            RequestSnapshot snapshot = RequestDocuments.snapshot(doc).orElseThrow(() -> ProblemException.of(ProblemType.CONFLICT,
                    "诉求状态为" + StoredValues.unknownLabel(doc.getString("status")) + "，不能办理；请联系系统管理员"));
            RequestStateMachine.Decision decision = machine.decide(command, snapshot, scope.actor(),
                    scope.supervises(snapshot.unitId()));
            return effects.update(command, doc, decision, scope.actor(), scope, clock.instant())
                    .compose(update -> repository.update(id, snapshot.version(), update))
                    .compose(updated -> {
                        if (updated.isPresent()) {
                            listener.changed(updated.get(), command.action());
                            return Future.succeededFuture(render(updated.get(), scope));
                        }
                        if (attempt >= MAX_ATTEMPTS) {
                            return Future.failedFuture(new ActionNotAllowedException(snapshot.status(),
                                    command.action(), "诉求正在被他人修改，请刷新后重试"));
                        }
                        return attempt(id, command, scope, attempt + 1);
                    });
        });
    }

    /** Rendering for someone who may see the request; used by lists too. */
    JsonObject render(JsonObject doc, Scope scope) {
        // a request whose stored status the code does not know is shown, with no action on it
        Set<Action> actions = RequestDocuments.snapshot(doc)
                .filter(snapshot -> !scope.actor().isSystem())
                .map(snapshot -> machine.available(snapshot, scope.actor(), scope.supervises(snapshot.unitId())))
                .orElse(Set.of());
        return RequestDocuments.toApi(doc, scope.actor(), actions, clock.instant());
    }

    private Future<JsonObject> visible(String id, Scope scope) {
        return repository.find(id).map(found -> found.filter(scope::canSee)
                .orElseThrow(() -> new RequestNotFoundException(id)));
    }

    /** A liaison's inbox (待办): its own open tasks, soonest deadline first. */
    public Future<List<JsonObject>> tasks(Actor actor) {
        JsonObject query = RequestRepository.openTasksOf(actor.id());
        return scopeOf(actor).compose(scope -> repository.find(query, new JsonObject().put("activeDueAt", 1), 500)
                .map(docs -> docs.stream().map(d -> render(d, scope)).toList()));
    }
}
