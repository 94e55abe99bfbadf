package cn.liaison.backend.request;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.identity.UserDirectory;
import cn.liaison.backend.org.EnterpriseDirectory;
import cn.liaison.backend.org.ProjectDirectory;
import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.platform.http.EdgeStrain;
import cn.liaison.backend.request.SlaPolicy;
import io.vertx.core.Future;
import io.vertx.ext.mongo.MongoClient;
import java.time.Clock;

/** Wires the request feature from the ports it needs; the application holds one. */
@Published
public final class RequestModule {

    private final RequestRepository repository;
    private final Intake intake;
    private final RequestService service;
    private final Ledger ledger;
    private final RequestListeners listeners = new RequestListeners();
    private final RequestQueries queries;

    public RequestModule(MongoClient mongo, TopicClassifier classifier, UnitDirectory units, UserDirectory users,
                         EnterpriseDirectory enterprises, ProjectDirectory projects, WorkingCalendar calendar,
                         SlaPolicy policy, Clock clock, EdgeStrain strain) {
        this.repository = new RequestRepository(mongo);
        RequestEffects effects = new RequestEffects(users, units, calendar, policy);
        LiaisonLoads loads = new LiaisonLoads(users, repository, System::nanoTime);
        listeners.add(loads);
        Assessor assessor = new Assessor(classifier, units, users, enterprises, projects, loads);
        this.queries = new RequestReadModel(mongo);
        this.intake = new Intake(repository, assessor, effects, projects, enterprises, calendar, policy, clock, listeners,
                new Supervisors(users), new ProjectAccess(units), new Districts(units), strain);
        this.service = new RequestService(repository, new RequestStateMachine(), effects, units, clock, listeners);
        this.ledger = new Ledger(repository, service, units, clock);
    }

    public Future<Void> start() {
        return repository.ensureIndexes();
    }

    /** Registers a listener told of every stored change (see {@link RequestListener}). */
    public void addListener(RequestListener listener) {
        listeners.add(listener);
    }

    /** For other writers of requests (the scheduler) to report their changes. */
    public RequestListener listeners() {
        return listeners;
    }

    /** Plugs full-text search into the ledger ({@code q=}). */
    public void searchWith(RequestTextSearch search) {
        ledger.searchWith(search);
    }

    /** Reads for other features (reports, chat, subscribe messages, the SLA watcher). */
    public RequestQueries queries() {
        return queries;
    }

    /** Carries out the SLA watcher's time-limit events (as the system). */
    public TimeLimits timeLimits() {
        return new TimeLimits(repository, listeners);
    }

    /** Records an attempt to tell the 12345 platform about a request (its {@code callbacks} log). */
    public Future<Void> logCallback(String requestId, io.vertx.core.json.JsonObject attempt) {
        return repository.appendLog(requestId, "callbacks", attempt);
    }

    public RequestRepository repository() {
        return repository;
    }

    public Intake intake() {
        return intake;
    }

    public RequestService service() {
        return service;
    }

    public Ledger ledger() {
        return ledger;
    }
}
