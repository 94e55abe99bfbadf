package cn.liaison.backend;

import cn.liaison.backend.calendar.CalendarAdminRoutes;
import cn.liaison.backend.calendar.CalendarModule;
import cn.liaison.backend.calendar.CalendarRoutes;
import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.config.AppConfig;
import cn.liaison.backend.demo.DemoData;
import cn.liaison.backend.health.HealthRoutes;
import cn.liaison.backend.kb.KbModule;
import cn.liaison.backend.project.ChecklistRoutes;
import cn.liaison.backend.project.ChecklistService;
import cn.liaison.backend.scenario.ScenarioRoutes;
import cn.liaison.backend.kb.KbService;
import cn.liaison.backend.hotline.HotlineFeature;
import cn.liaison.backend.kb.KbTopicClassifier;
import cn.liaison.backend.notify.FanOutNotifier;
import cn.liaison.backend.notify.LoggingNotifier;
import cn.liaison.backend.notify.Notifier;
import cn.liaison.backend.notify.OutboxDispatcher;
import cn.liaison.backend.project.FollowUpRequests;
import cn.liaison.backend.project.ProjectCardRoutes;
import cn.liaison.backend.project.ProjectModule;
import cn.liaison.backend.project.ProjectRoutes;
import cn.liaison.backend.project.ProjectRuleViolation;
import cn.liaison.backend.report.MonthlyReport;
import cn.liaison.backend.report.ReportPages;
import cn.liaison.backend.report.ReportRoutes;
import cn.liaison.backend.report.ReportService;
import cn.liaison.backend.request.Actor;
import cn.liaison.backend.request.Channel;
import cn.liaison.backend.request.InvalidInputException;
import cn.liaison.backend.request.NewRequest;
import cn.liaison.backend.request.RequestModule;
import cn.liaison.backend.request.RequestType;
import cn.liaison.backend.request.RequestRoutes;
import cn.liaison.backend.sla.RedisLock;
import cn.liaison.backend.sla.SlaScheduler;
import cn.liaison.kb.KnowledgeBase;
import io.vertx.core.WorkerExecutor;
import cn.liaison.backend.http.ContractLoader;
import cn.liaison.backend.http.HttpVerticle;
import cn.liaison.backend.http.RawRoutes;
import cn.liaison.backend.http.Routes;
import cn.liaison.backend.identity.AuthRoutes;
import cn.liaison.backend.identity.JwtSecrets;
import cn.liaison.backend.identity.LoginService;
import cn.liaison.backend.identity.MongoUsers;
import cn.liaison.backend.identity.PasswordHasher;
import cn.liaison.backend.identity.Tokens;
import cn.liaison.backend.identity.UserDirectory;
import cn.liaison.backend.live.EventStreamRoutes;
import cn.liaison.backend.live.LiveEvents;
import cn.liaison.backend.log.Masking;
import cn.liaison.backend.miniapp.MiniProgramModule;
import cn.liaison.backend.mobile.DeadlineWords;
import cn.liaison.backend.mobile.MobileConfig;
import cn.liaison.backend.mobile.MobileRoutes;
import cn.liaison.backend.wecom.WecomAccounts;
import cn.liaison.backend.wecom.WecomClient;
import cn.liaison.backend.wecom.WecomLoginRoutes;
import cn.liaison.backend.wecom.WecomNotifier;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import java.util.Optional;
import cn.liaison.backend.org.EnterpriseDirectory;
import cn.liaison.backend.org.MongoEnterprises;
import cn.liaison.backend.org.MongoProjects;
import cn.liaison.backend.org.MongoUnits;
import cn.liaison.backend.org.ProjectDirectory;
import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.org.UnitRoutes;
import cn.liaison.backend.org.UnitSeed;
import cn.liaison.backend.store.EmbeddedMongo;
import cn.liaison.backend.store.EmbeddedRedis;
import cn.liaison.backend.store.NativeCache;
import cn.liaison.backend.store.Stores;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running service: the stores (embedded or external), Vert.x, and the HTTP edge. {@link #start}
 * and {@link #stop} block; they are called from {@code main}, the signal handler and tests.
 */
public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    private static final long STORE_TIMEOUT_S = 10;

    private final AppConfig config;
    private final Clock clock;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<HttpVerticle> httpVerticles = new CopyOnWriteArrayList<>();
    /** Routes outside the contract (pages, event streams, XML push); features add theirs while starting. */
    private final List<RawRoutes> rawRoutes = new ArrayList<>();
    /** Notification channels besides the log; features add theirs while starting, before the outbox runs. */
    private final List<Notifier> notificationChannels = new CopyOnWriteArrayList<>();
    private EmbeddedMongo embeddedMongo;
    private cn.liaison.backend.ops.Operations operations;
    private EmbeddedRedis embeddedRedis;
    private Vertx vertx;
    private Stores stores;
    private Tokens tokens;
    private LoginService logins;
    private MongoUsers users;
    private MongoUnits units;
    private MongoEnterprises enterprises;
    private MongoProjects projects;
    private WorkingCalendar calendar;
    private CalendarModule calendars;

    private Application(AppConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Starts everything; on failure whatever already started is stopped again. */
    public static Application start(AppConfig config) throws Exception {
        return start(config, Options.defaults());
    }

    /**
     * @param extraRoutes       routes beyond the built-in ones
     * @param contractExtension applied to the OpenAPI contract before routing is built
     */
    public static Application start(AppConfig config, List<Routes> extraRoutes,
                                    UnaryOperator<JsonObject> contractExtension) throws Exception {
        return start(config, Options.defaults().withRoutes(extraRoutes, contractExtension));
    }

    /** Starts everything with the given extra routes, contract extension and clock. */
    public static Application start(AppConfig config, Options options) throws Exception {
        Application app = new Application(config, options.clock());
        try {
            app.startAll(options);
            return app;
        } catch (Exception | Error e) {
            app.stop();
            throw e;
        }
    }

    private void startAll(Options options) throws Exception {
        List<Routes> extraRoutes = options.extraRoutes();
        UnaryOperator<JsonObject> contractExtension = options.contractExtension();
        long begin = System.nanoTime();
        Files.createDirectories(config.dataDir());
        NativeCache.configure(config.dataDir());
        String mongoUri = config.mongoUri().orElse(null);
        if (mongoUri == null) {
            embeddedMongo = EmbeddedMongo.start(config.dataDir());
            mongoUri = embeddedMongo.connectionString();
            LOG.info("MongoDB: embedded (mongo-java-server, H2 file {}) at {}, database {}",
                    embeddedMongo.file(), mongoUri, config.mongoDb());
        } else {
            LOG.info("MongoDB: external at {}, database {}", Masking.mask(mongoUri), config.mongoDb());
        }
        String redisUrl = config.redisUrl().orElse(null);
        if (redisUrl == null) {
            embeddedRedis = EmbeddedRedis.start(config.dataDir());
            redisUrl = embeddedRedis.url();
            LOG.info("Redis: embedded (redis-server, append-only file in {}) at {}", embeddedRedis.dir(), redisUrl);
        } else {
            LOG.info("Redis: external at {}", Masking.mask(redisUrl));
        }

        operations = cn.liaison.backend.ops.Operations.create(config.ops());
        vertx = operations.createVertx(new VertxOptions()
                .setFileSystemOptions(NativeCache.vertxFileSystem(config.dataDir(), config.embeddedMongo())));
        stores = Stores.connect(vertx, mongoUri, config.mongoDb(), redisUrl);
        // Parsing the contract took over 10 s when an instance restarted beside two busy ones on two
        // cores (deploy/rolling-restart.sh): give it the start-up budget, not a store round trip's.
        OpenAPIContract contract = ContractLoader.load(vertx, contractExtension).await(PEOPLE_TIMEOUT_S, TimeUnit.SECONDS);

        List<Routes> routes = new ArrayList<>();
        routes.add(new HealthRoutes(stores, draining::get, () -> knowledgeBase != null && knowledgeBase.succeeded(),
                () -> calendars == null ? List.of() : calendars.coverage().warnings()));
        routes.addAll(startPeopleAndCalendar());
        routes.addAll(startRequests(options));
        routes.addAll(startHotline());
        routes.addAll(startProjects(options));
        routes.addAll(startScenarios());
        routes.addAll(startReports());
        routes.addAll(startMiniProgram(options));
        routes.addAll(startStaffMobile(redisUrl));
        routes.addAll(extraRoutes);
        routes.add(operations.backupRoutes(embeddedMongo, config.dataDir(), clock));
        operations.start(stores, clock, requestModule::addListener, eventStreams::openCount,
                () -> knowledgeBase.succeeded(), options.backgroundJobs()).await(STORE_TIMEOUT_S, TimeUnit.SECONDS);
        HttpVerticle.HttpSettings settings = new HttpVerticle.HttpSettings(
                config.httpHost(), config.httpPort(), config.bodyLimitBytes(), config.shutdownGrace());
        int instances = config.httpPort() == 0 ? 1 : Math.max(1, Runtime.getRuntime().availableProcessors());
        vertx.deployVerticle(() -> {
                    HttpVerticle verticle = new HttpVerticle(contract, routes, rawRoutes, settings);
                    httpVerticles.add(verticle);
                    return verticle;
                }, new DeploymentOptions().setInstances(instances))
                .await(STORE_TIMEOUT_S, TimeUnit.SECONDS);
        LOG.info("Listening on http://{}:{} ({} event-loop instance(s)), started in {} ms",
                config.httpHost(), port(), instances, (System.nanoTime() - begin) / 1_000_000);
    }

    // ---- People, units, enterprises, projects and the working calendar --------------------------
    // Users and tokens (identity), the unit tree, enterprises and projects (org), demo data in
    // embedded mode, and the working-day calendar. Other features reach them through the getters.

    private static final long PEOPLE_TIMEOUT_S = 60;
    private static final long SLA_INTERVAL_MS = 60_000;
    private static final long OUTBOX_INTERVAL_MS = 1_000;
    private WorkerExecutor blocking;
    private Future<KnowledgeBase> knowledgeBase;
    private KbModule kbModule;
    private RequestModule requestModule;
    private SlaScheduler slaScheduler;
    private OutboxDispatcher outbox;

    private List<Routes> startPeopleAndCalendar() throws Exception {
        calendars = new CalendarModule(vertx, stores.mongo(), config.officeHours(), clock);
        calendar = calendars.start(true).await(PEOPLE_TIMEOUT_S, TimeUnit.SECONDS);
        users = new MongoUsers(stores.mongo());
        tokens = new Tokens(vertx, JwtSecrets.resolve(config), config.jwtTtl(), clock, users);
        units = new MongoUnits(stores.mongo());
        enterprises = new MongoEnterprises(stores.mongo());
        projects = new MongoProjects(stores.mongo());
        PasswordHasher hasher = new PasswordHasher();
        int hashingThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
        logins = new LoginService(users, hasher, tokens, clock, vertx.createSharedWorkerExecutor("password-hashing", hashingThreads),
                new cn.liaison.backend.identity.LoginThrottle(stores.redis()));
        Future.all(users.ensureIndexes(), units.ensureIndexes(), enterprises.ensureIndexes())
                .compose(ignored -> units.seedIfEmpty(UnitSeed.load()))
                .compose(ignored -> createDemoData(hasher))
                .await(PEOPLE_TIMEOUT_S, TimeUnit.SECONDS);
        rawRoutes.add(new cn.liaison.backend.identity.AdminPage());
        CalendarAdminRoutes calendarAdmin = new CalendarAdminRoutes(calendars, new cn.liaison.backend.identity.AuthHandler(tokens));
        rawRoutes.add(calendarAdmin);
        return List.of(new AuthRoutes(logins, users, users, tokens, config.mobile().passwordLogin()),
                new cn.liaison.backend.identity.StaffRoutes(new cn.liaison.backend.identity.StaffService(stores.mongo(), units, logins, hasher, clock)),
                new UnitRoutes(units), new CalendarRoutes(calendar), calendarAdmin);
    }

    /** The working calendar as data (loads, versions, coverage). */
    public CalendarModule calendars() {
        return calendars;
    }

    /** Demo accounts exist only when asked for (DEMO=on): embedded stores may well be a real install. */
    private Future<Void> createDemoData(PasswordHasher hasher) {
        if (!config.demo()) {
            LOG.info("Demo mode: off (no demo data, no pretend WeChat login, bindings wait for staff)");
            return Future.succeededFuture();
        }
        if (!config.embeddedMongo()) {
            LOG.warn("DEMO=on WITH AN EXTERNAL MongoDB: demo accounts are created in an empty database, anyone may "
                    + "sign in through the pretend WeChat login and demo bindings are approved at once. "
                    + "Never do this on a production database.");
        }
        return new DemoData(vertx, users, enterprises, projects, logins, hasher, config.dataDir())
                .createOnFirstStart()
                .onSuccess(created -> {
                    if (created.isEmpty()) {
                        LOG.info("Demo data: users exist, nothing created");
                    } else {
                        LOG.info("Demo data: {} accounts created; passwords in {}", created.size(),
                                config.dataDir().resolve(DemoData.FILE));
                    }
                })
                .mapEmpty();
    }

    public UserDirectory userDirectory() {
        return users;
    }

    public UnitDirectory unitDirectory() {
        return units;
    }

    public EnterpriseDirectory enterpriseDirectory() {
        return enterprises;
    }

    public ProjectDirectory projectDirectory() {
        return projects;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    /** Issues and checks login tokens. */
    public Tokens jwt() {
        return tokens;
    }

    /** A login token for an existing user, without a password (tests, trusted callers). */
    public Future<String> tokenFor(String userId) {
        return logins.tokenFor(userId);
    }

    /** Password sign-in; its count of real password checks is what the abuse tests measure. */
    public LoginService logins() {
        return logins;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * What a start can vary besides the configuration.
     *
     * @param extraRoutes       routes beyond the built-in ones
     * @param contractExtension applied to the OpenAPI contract before routing is built
     * @param clock             the time every feature reads (tests pass a clock they can move)
     */
    public record Options(List<Routes> extraRoutes, UnaryOperator<JsonObject> contractExtension, Clock clock,
                          List<Notifier> extraChannels, boolean backgroundJobs) {

        public Options {
            extraRoutes = List.copyOf(extraRoutes);
            Objects.requireNonNull(contractExtension, "contractExtension");
            Objects.requireNonNull(clock, "clock");
            extraChannels = List.copyOf(extraChannels);
        }

        /**
         * No extra routes, the contract as shipped, the system clock in Asia/Shanghai, notifications
         * to the log (plus the channels configured), and the scheduler and outbox dispatcher on timers.
         */
        public static Options defaults() {
            return new Options(List.of(), UnaryOperator.identity(), Clock.system(WorkingCalendar.ZONE), List.of(), true);
        }

        public Options withClock(Clock newClock) {
            return new Options(extraRoutes, contractExtension, newClock, extraChannels, backgroundJobs);
        }

        public Options withRoutes(List<Routes> routes, UnaryOperator<JsonObject> extension) {
            return new Options(routes, extension, clock, extraChannels, backgroundJobs);
        }

        /** Notifications also go to {@code channel}; timers off, so a test drives the jobs itself. */
        public Options withNotifierAndManualJobs(Notifier channel) {
            List<Notifier> channels = new ArrayList<>(extraChannels);
            channels.add(channel);
            return new Options(extraRoutes, contractExtension, clock, channels, false);
        }
    }

    // ---- end of people, units and calendar ------------------------------------------------------

    // ---- The request loop: knowledge base for assessment, requests, time limits, outbox ---------

    private List<Routes> startRequests(Options options) throws Exception {
        blocking = vertx.createSharedWorkerExecutor("liaison-blocking", Math.max(2, Runtime.getRuntime().availableProcessors()));
        // Building the index (with sentence embeddings) takes seconds: it runs in the background, so
        // the service is ready at once; searches wait for it, and a request that arrives first is
        // stored and assessed as soon as the index is there.
        kbModule = new KbModule(vertx, stores, blocking, clock, config.kbAnswersPerMinute());
        knowledgeBase = kbModule.start()
                .onFailure(e -> LOG.error("Knowledge base failed to load: {}", e.toString(), e));
        requestModule = new RequestModule(stores.mongo(), new KbTopicClassifier(knowledgeBase, blocking), units, users,
                enterprises, projects, calendar, config.sla(), clock);
        RedisLock locks = new RedisLock(stores.redis());
        slaScheduler = new SlaScheduler(requestModule.repository(), requestModule.intake(), users,
                SlaScheduler.rules(calendar, config.sla()), locks, clock, requestModule.listeners());
        notificationChannels.add(new LoggingNotifier());
        notificationChannels.addAll(options.extraChannels());
        // FanOutNotifier reads the list when it sends: channels added by later features are used too.
        outbox = new OutboxDispatcher(requestModule.repository(), "request", new FanOutNotifier(notificationChannels, stores.redis()),
                locks, stores.redis(), clock);
        requestModule.start().await(PEOPLE_TIMEOUT_S, TimeUnit.SECONDS);
        if (options.backgroundJobs()) {
            vertx.setPeriodic(SLA_INTERVAL_MS, id -> slaScheduler.runOnce()
                    .onFailure(e -> LOG.warn("Time-limit scan failed: {}", e.toString())));
            vertx.setPeriodic(OUTBOX_INTERVAL_MS, id -> outbox.runOnce()
                    .onFailure(e -> LOG.warn("Outbox delivery failed: {}", e.toString())));
        }
        return List.of(new RequestRoutes(requestModule), kbModule.routes(),
                kbModule.guidingCases(requestModule.service(), enterprises, projects));
    }

    public RequestModule requests() {
        return requestModule;
    }

    public SlaScheduler slaScheduler() {
        return slaScheduler;
    }

    public OutboxDispatcher outbox() {
        return outbox;
    }

    /** The embedded store's record of filter shapes and the index serving each; empty with an external MongoDB. */
    public java.util.Optional<cn.liaison.backend.store.QueryLog> embeddedQueryLog() {
        return java.util.Optional.ofNullable(embeddedMongo).map(cn.liaison.backend.store.EmbeddedMongo::queryLog);
    }

    /** Completes once the index is built (a few seconds after start). */
    public Future<KnowledgeBase> knowledgeBase() {
        return knowledgeBase;
    }

    /** Answers questions (and logs them for the gap report); also the admin side of the knowledge base. */
    public KbService kb() {
        return kbModule.service();
    }

    // ---- end of the request loop ----------------------------------------------------------------

    // ---- The hotline: assist bot for 12345 agents, and the 12345 work-order integration ---------

    private HotlineFeature hotline;

    private List<Routes> startHotline() throws Exception {
        hotline = new HotlineFeature(vertx, stores.mongo(), stores.redis(), knowledgeBase, blocking, requestModule,
                config.hotline12345(), clock);
        hotline.start().await(PEOPLE_TIMEOUT_S, TimeUnit.SECONDS);
        notificationChannels.add(hotline.callbackChannel());
        LOG.info("12345 integration: {}", config.hotline12345().enabled()
                ? "on, callbacks to " + config.hotline12345().base().map(Object::toString).orElse("(no HOTLINE_12345_BASE: held in the outbox)")
                : "off (HOTLINE_12345_SECRET not set: its endpoints answer 503)");
        return hotline.routes();
    }

    public HotlineFeature hotline() {
        return hotline;
    }

    // ---- end of the hotline ---------------------------------------------------------------------
    // ---- Projects (项目库): policies that apply themselves, site visits, contact cards ----------
    // The project package owns the `projects` collection; org.MongoProjects still serves the request
    // loop's ProjectDirectory from the same documents. Project notifications have their own outbox
    // on the project documents, delivered through the same channels as the requests'.

    private static final long PROJECT_OUTBOX_INTERVAL_MS = 1_000;
    private static final long POLICY_CHECK_INTERVAL_MS = 3_600_000;
    private ProjectModule projectModule;

    private List<Routes> startProjects(Options options) throws Exception {
        MongoUsers accounts = users;
        ProjectModule.Ports ports = new ProjectModule.Ports(units, users, accounts, enterprises,
                accounts::enterpriseUserIds, this::openFollowUp,
                new FanOutNotifier(notificationChannels, stores.redis()), new RedisLock(stores.redis()), stores.redis(),
                blocking, clock);
        projectModule = new ProjectModule(stores.mongo(), ports, ProjectModule.bundledRules(),
                config.projects().policyRegion(), config.projects().cardLink());
        projectModule.start()
                .compose(v -> config.demo() ? projectModule.completeDemoProjects() : Future.succeededFuture())
                .await(PEOPLE_TIMEOUT_S, TimeUnit.SECONDS);
        if (options.backgroundJobs()) {
            vertx.setPeriodic(PROJECT_OUTBOX_INTERVAL_MS, id -> projectModule.outbox().runOnce()
                    .onFailure(e -> LOG.warn("Project outbox delivery failed: {}", e.toString())));
            // Checked hourly, run once a night (after 02:00 Beijing time) under a Redis lock.
            LocalDate[] lastRun = {null};
            vertx.setPeriodic(POLICY_CHECK_INTERVAL_MS, id -> {
                java.time.ZonedDateTime now = clock.instant().atZone(WorkingCalendar.ZONE);
                if (now.getHour() >= 2 && !now.toLocalDate().equals(lastRun[0])) {
                    lastRun[0] = now.toLocalDate();
                    projectModule.nightly().runOnce().onFailure(e -> LOG.warn("Nightly policy matching failed: {}", e.toString()));
                }
            });
        }
        rawRoutes.add(new ProjectCardRoutes(projectModule, new cn.liaison.backend.identity.AuthHandler(tokens)));
        return List.of(new ProjectRoutes(projectModule));
    }

    /** A follow-up from a site visit becomes a request on the project (channel VISIT), routed as usual. */
    private Future<FollowUpRequests.Opened> openFollowUp(String projectId, String type, String content,
                                                         cn.liaison.backend.identity.Principal who) {
        try {
            NewRequest in = new NewRequest(type == null ? null : RequestType.valueOf(type), content, projectId, null, null, null);
            return requestModule.intake().submit(in, Actor.of(who), Channel.VISIT, null)
                    .map(s -> new FollowUpRequests.Opened(s.document().getString("_id"), s.document().getString("number")));
        } catch (InvalidInputException e) {
            return Future.failedFuture(new ProjectRuleViolation("followUps." + e.field(), e.getMessage()));
        }
    }

    public ProjectModule projects() {
        return projectModule;
    }

    // ---- end of projects ------------------------------------------------------------------------

    // ---- 一件事一次办: scenario packages from the knowledge base, and each project's checklist ------
    // Scenarios are published KB content (knowledge-base/content/scenarios); the checklist lives on
    // the project documents (cn.liaison.backend.project.ChecklistService).

    private ChecklistService checklists;

    private List<Routes> startScenarios() {
        checklists = new ChecklistService(projectModule, knowledgeBase, calendar, clock);
        return List.of(new ScenarioRoutes(knowledgeBase), new ChecklistRoutes(checklists));
    }

    public ChecklistService checklists() {
        return checklists;
    }

    // ---- end of 一件事一次办 ---------------------------------------------------------------------

    // ---- Monthly summary (每月汇总): JSON, XLSX and the dashboard page --------------------------

    private ReportService reportService;

    private List<Routes> startReports() {
        reportService = new ReportService(new MonthlyReport(stores.mongo(), calendar, clock), units, clock);
        rawRoutes.add(new ReportPages(reportService, new cn.liaison.backend.identity.AuthHandler(tokens), blocking));
        return List.of(new ReportRoutes(reportService));
    }

    public ReportService reports() {
        return reportService;
    }

    // ---- end of the monthly summary -------------------------------------------------------------
    // ---- The mini-program channel: WeChat login and binding, chat bot, message push, subscribe ---

    private static final long PUSH_SWEEP_INTERVAL_MS = 5_000;
    private static final long TRANSCRIPT_PURGE_INTERVAL_MS = 3_600_000;
    private MiniProgramModule miniProgram;

    private List<Routes> startMiniProgram(Options options) throws Exception {
        miniProgram = new MiniProgramModule(vertx, stores, config.miniProgram(), config.demo(), kbModule.service(),
                requestModule, enterprises, units, tokens, clock, checklists);
        miniProgram.start(stores).await(PEOPLE_TIMEOUT_S, TimeUnit.SECONDS);
        rawRoutes.addAll(miniProgram.rawRoutes());
        notificationChannels.addAll(miniProgram.channels());
        if (options.backgroundJobs()) {
            if (miniProgram.inbox() != null) {
                vertx.setPeriodic(PUSH_SWEEP_INTERVAL_MS, id -> miniProgram.inbox().runOnce()
                        .onFailure(e -> LOG.warn("WeChat push sweep failed: {}", e.toString())));
            }
            vertx.setPeriodic(TRANSCRIPT_PURGE_INTERVAL_MS, id -> miniProgram.chat().purgeTranscripts()
                    .onFailure(e -> LOG.warn("Chat transcript purge failed: {}", e.toString())));
        }
        return miniProgram.routes();
    }

    public MiniProgramModule miniProgram() {
        return miniProgram;
    }

    // ---- end of the mini-program channel --------------------------------------------------------
    // ---- Staff on their phones: WeCom sign-in and messages, live events, the /m/ page -----------

    private LiveEvents liveEvents;
    private EventStreamRoutes eventStreams;

    private List<Routes> startStaffMobile(String redisUrl) throws Exception {
        MobileConfig mobile = config.mobile();
        WecomAccounts wecomLinks = new WecomAccounts(stores.mongo());
        Optional<WecomClient> wecom = mobile.wecom().map(settings -> new WecomClient(settings, stores.redis(),
                vertx.createSharedWorkerExecutor("wecom", 4)));
        String publicBase = mobile.publicBaseUrl().orElse("");
        wecom.ifPresent(client -> notificationChannels.add(new WecomNotifier(client, wecomLinks, stores.redis(),
                mobile.quietHours(), publicBase, clock)));
        if (config.demo()) {
            wecomLinks.linkDemoStaffByUsername().await(PEOPLE_TIMEOUT_S, TimeUnit.SECONDS);
        }
        LOG.info("Staff mobile: WeCom {}, password sign-in {}, quiet hours {}", wecom.isPresent() ? "on" : "off",
                mobile.passwordLogin() ? "on" : "off", mobile.quietHours());
        liveEvents = new LiveEvents(vertx, stores.redis(), Redis.createClient(vertx, new RedisOptions()
                .setConnectionString(redisUrl).setMaxPoolSize(1)));
        liveEvents.start().await(STORE_TIMEOUT_S, TimeUnit.SECONDS);
        requestModule.addListener(liveEvents);
        eventStreams = new EventStreamRoutes(vertx, liveEvents, tokens, stores.redis(), mobile.sseHeartbeat());
        MobileRoutes page = new MobileRoutes(new DeadlineWords(calendar), clock);
        rawRoutes.add(eventStreams);
        rawRoutes.add(page);
        return List.of(new WecomLoginRoutes(wecom, wecomLinks, users, tokens, stores.redis(), mobile.passwordLogin(),
                publicBase), eventStreams, page);
    }

    public LiveEvents liveEvents() {
        return liveEvents;
    }

    // ---- end of staff on their phones -----------------------------------------------------------

    public int port() {
        return httpVerticles.get(0).actualPort();
    }

    /** Metrics, retention and backups. */
    public cn.liaison.backend.ops.Operations operations() {
        return operations;
    }

    public Stores stores() {
        return stores;
    }

    public Vertx vertx() {
        return vertx;
    }

    public boolean isDraining() {
        return draining.get();
    }

    /**
     * Graceful stop: readiness turns to 503, the HTTP servers stop accepting and let in-flight
     * requests finish (at most the configured grace), then the clients and the embedded stores close.
     * Safe to call more than once.
     */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        draining.set(true);
        long graceS = config.shutdownGrace().toSeconds() + STORE_TIMEOUT_S;
        if (vertx != null) {
            quietly("event streams", () -> eventStreams.endAll(), eventStreams != null);
            quietly("live events", () -> liveEvents.close(), liveEvents != null);
            quietly("HTTP servers", () -> vertx.undeploy(vertx.deploymentIDs().iterator().next())
                    .await(graceS, TimeUnit.SECONDS), !vertx.deploymentIDs().isEmpty());
            quietly("operations timers", () -> operations.stopTimers(), operations != null);
            quietly("store clients", () -> stores.close().await(STORE_TIMEOUT_S, TimeUnit.SECONDS), stores != null);
            quietly("Vert.x", () -> vertx.close().await(STORE_TIMEOUT_S, TimeUnit.SECONDS), true);
            quietly("telemetry", () -> operations.close(), operations != null);
            quietly("knowledge base", () -> kbModule.close(), kbModule != null);
        }
        quietly("embedded Redis", () -> embeddedRedis.close(), embeddedRedis != null);
        quietly("embedded MongoDB", () -> embeddedMongo.close(), embeddedMongo != null);
        LOG.info("Stopped");
    }

    private static void quietly(String what, ThrowingRunnable step, boolean applies) {
        if (!applies) {
            return;
        }
        try {
            step.run();
        } catch (Exception e) {
            LOG.warn("Stopping {} failed: {}", what, e.toString());
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
