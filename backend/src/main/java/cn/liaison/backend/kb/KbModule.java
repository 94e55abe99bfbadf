package cn.liaison.backend.kb;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.platform.ratelimit.RateLimit;

import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.org.EnterpriseDirectory;
import cn.liaison.backend.org.ProjectDirectory;
import cn.liaison.backend.request.RequestService;
import cn.liaison.backend.platform.store.Stores;
import cn.liaison.kb.KnowledgeBase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.util.UUID;

/** Wires the knowledge base into the service: storage, the live index, sync between instances, routes. */
@Published
public final class KbModule {

    private final KbService service;
    private final KbSync sync;
    private final Routes routes;
    private final KbAdmin admin;
    private final Clock clock;
    private final QuestionLog questions;
    private final GapLoop gapLoop;
    private Future<KnowledgeBase> ready = Future.failedFuture("the knowledge base has not been started");

    public KbModule(Vertx vertx, Stores stores, WorkerExecutor worker, Clock clock, int answersPerMinute,
                    int backgroundEmbeddingsPerSecond) {
        KbRepository entries = new KbRepository(stores.mongo());
        QuestionLog questions = new QuestionLog(stores.mongo(), clock);
        this.questions = questions;
        this.service = new KbService(entries, questions, worker, clock, new Answers(vertx, backgroundEmbeddingsPerSecond));
        this.sync = new KbSync(vertx, stores.redisClient(), stores.redis(), service, UUID.randomUUID().toString());
        this.admin = new KbAdmin(entries, service, sync, clock);
        this.clock = clock;
        this.gapLoop = new GapLoop(stores.mongo(), questions, service, entries, worker, clock);
        this.routes = new KbRoutes(service, admin, questions, new RateLimit(stores.redis(), clock, "kb", answersPerMinute),
                gapLoop, clock);
    }

    /** Imports into an empty database, builds the index, subscribes to publications. */
    public Future<KnowledgeBase> start() {
        ready = service.start().compose(kb -> sync.startOrRetry().map(kb));
        return ready;
    }

    /** Completes once the index is built (a few seconds after start). */
    public Future<KnowledgeBase> knowledgeBase() {
        return ready;
    }

    /** 指导案例 drafts made from requests; needs the request loop, which starts after the knowledge base. */
    public Routes guidingCases(RequestService requests, EnterpriseDirectory enterprises, ProjectDirectory projects) {
        return new GuidingCases(requests, enterprises, projects, admin, clock);
    }

    /** The chat's 直接答复: questions asked in the mini-program chat (channel MINIPROGRAM) that the knowledge base answered. */
    public cn.liaison.backend.stats.DirectAnswers.Chat chatDirectAnswers() {
        return (from, to) -> questions.answeredOn("MINIPROGRAM", from, to);
    }

    /** The gap loop's weekly pass: the last seven days' suggestions, kept for the city admin; how many. */
    public Future<Integer> weeklyGaps() {
        return gapLoop.weekly();
    }

    public KbService service() {
        return service;
    }

    public Routes routes() {
        return routes;
    }

    /** Stops listening to other instances' publishes; while Vert.x still runs (its close rejects the work after). */
    public void stopSync() {
        sync.close();
    }

    /** Waits for a running index build to finish (at most {@code max}); see {@link KbService#awaitBuilds}. */
    public void awaitBuilds(java.time.Duration max) throws InterruptedException {
        service.awaitBuilds(max);
    }

    public void close() {
        if (service.knowledgeBase() != null) {
            service.knowledgeBase().close();
        }
    }
}
