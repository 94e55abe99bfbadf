package cn.liaison.backend.kb;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.platform.http.FieldError;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.kb.KnowledgeBase;
import cn.liaison.kb.content.Content;
import cn.liaison.kb.content.ContentLoader;
import cn.liaison.kb.content.Entry;
import cn.liaison.kb.index.RetrievalConfig;
import cn.liaison.kb.index.SearchOutcome;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge base inside the service: entries in MongoDB (draft and published, imported from the
 * bundled content on first start, resumed when a start was stopped half-way), one live index per instance built from the
 * published entries, questions answered on the worker pool and logged for the gap report.
 */
@Published
public final class KbService {

    private static final Logger LOG = LoggerFactory.getLogger(KbService.class);

    private final KbRepository entries;
    private final QuestionLog questions;
    private final WorkerExecutor worker;
    private final Clock clock;
    private final Promise<KnowledgeBase> ready = Promise.promise();
    private volatile KnowledgeBase kb;

    private final Answers answers;

    KbService(KbRepository entries, QuestionLog questions, WorkerExecutor worker, Clock clock) {
        this(entries, questions, worker, clock, null);
    }

    KbService(KbRepository entries, QuestionLog questions, WorkerExecutor worker, Clock clock, Answers answers) {
        this.answers = answers;
        this.entries = entries;
        this.questions = questions;
        this.worker = worker;
        this.clock = clock;
    }

    /** Index builds running now, counted on the building thread itself (not through Vert.x, which may be closed). */
    private final Object buildsLock = new Object();
    private int builds;

    private <T> T building(java.util.concurrent.Callable<T> build) throws Exception {
        synchronized (buildsLock) {
            builds++;
        }
        try {
            return build.call();
        } finally {
            synchronized (buildsLock) {
                builds--;
                buildsLock.notifyAll();
            }
        }
    }

    /**
     * Waits (at most {@code max}) until no index build runs: ONNX Runtime's native teardown at process
     * exit crashed a thread still creating its session (SIGBUS, exit 134 on a SIGTERM right after start).
     */
    void awaitBuilds(java.time.Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (buildsLock) {
            for (long left = max.toNanos(); builds > 0 && left > 0; left = deadline - System.nanoTime()) {
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(buildsLock, left);
            }
        }
    }

    /** Marker of a finished import of the bundled content (or of a {@code kb-import}, which replaces it). */
    static final String IMPORT_MARKER = "content";

    /** Imports (or finishes importing) the bundled content, then builds the index from what is published. */
    Future<KnowledgeBase> start() {
        long begin = System.nanoTime();
        long embeddedBefore = cn.liaison.kb.index.KbIndex.textsEmbedded();
        return importBundledUnlessDone()
                .compose(v -> entries.published())
                .compose(published -> worker.executeBlocking(() -> building(() -> {
                    Content content = load(published);
                    return KnowledgeBase.open(content, RetrievalConfig.defaults());
                }), false))
                .onFailure(ready::tryFail)
                .onSuccess(opened -> {
                    kb = opened;
                    cn.liaison.backend.platform.telemetry.Meters.kbIndexBuilt(System.nanoTime() - begin);
                    ready.tryComplete(opened);
                    LOG.info("Knowledge base: {} published entries indexed in {} ms, {} texts embedded",
                            opened.content().entries().size(), (System.nanoTime() - begin) / 1_000_000,
                            cn.liaison.kb.index.KbIndex.textsEmbedded() - embeddedBefore);
                });
    }

    /**
     * The first start imports the bundled entries; the marker is written after the last one. A start
     * that finds no marker (the process was stopped half-way, or the store predates the marker) adds
     * the bundled entries that are missing, by id, and leaves every stored one as it is.
     */
    Future<Void> importBundledUnlessDone() {
        return entries.imported(IMPORT_MARKER).compose(done -> {
            if (done) {
                return Future.succeededFuture();
            }
            Map<String, String> bundled = bundledEntries();
            int[] added = {0};
            Future<Void> chain = Future.succeededFuture();
            for (Map.Entry<String, String> entry : bundled.entrySet()) {
                chain = chain.compose(v -> entries.importIfAbsent(entry.getKey(), entry.getValue(), "system", clock.instant())
                        .map(inserted -> {
                            added[0] += inserted ? 1 : 0;
                            return null;
                        }));
            }
            return chain.compose(v -> entries.markImported(IMPORT_MARKER, bundled.size(), "system", clock.instant()))
                    .onSuccess(v -> LOG.info("Knowledge base: bundled content imported ({} of {} entries added now)",
                            added[0], bundled.size()));
        });
    }

    /** Publishes every given entry ({@code id → YAML}) over what is stored, then marks the import done ({@code kb-import}). */
    Future<Void> importEntries(Map<String, String> yamlById, String by) {
        Future<Void> chain = Future.succeededFuture();
        for (Map.Entry<String, String> entry : yamlById.entrySet()) {
            chain = chain.compose(v -> entries.publish(entry.getKey(), entry.getValue(), by, clock.instant()));
        }
        return chain.compose(v -> entries.markImported(IMPORT_MARKER, yamlById.size(), by, clock.instant()))
                .onSuccess(v -> LOG.info("Knowledge base: imported {} entries", yamlById.size()));
    }

    /** Completes when the index is built; everything that searches waits for it. */
    public Future<KnowledgeBase> ready() {
        return ready.future();
    }

    public Future<SearchOutcome> ask(String question, String channel) {
        return answer(question, channel).map(Answers.Answer::outcome);
    }

    /** A question asked by someone: answered (from the cache when asked before), timed and logged for the gap report. */
    public Future<Answers.Answer> answer(String question, String channel) {
        long begin = System.nanoTime();
        return search(question, cn.liaison.kb.index.Audience.CHAT)
                .onSuccess(a -> cn.liaison.backend.platform.telemetry.Meters.kbQuestion(a.outcome().decision().name(), channel,
                        System.nanoTime() - begin))
                .compose(answer -> questions.record(answer.outcome(), channel).otherwise(e -> {
                    LOG.warn("Question log write failed: {}", e.toString());
                    return null;
                }).map(answer));
    }

    /** A search for a person waiting (the hotline agent's assist): cached, not logged. */
    public Future<Answers.Answer> search(String question, cn.liaison.kb.index.Audience audience) {
        return ready.future().compose(base -> answers.ask(base, question, audience));
    }

    /** As {@link #search}, the outcome only (for other features). */
    public Future<SearchOutcome> searchOutcome(String question, cn.liaison.kb.index.Audience audience) {
        return search(question, audience).map(Answers.Answer::outcome);
    }

    /** A search the service makes for itself (request assessment): cached, not logged, never ahead of a person's. */
    public Future<java.util.Optional<Answers.Answer>> searchInBackground(String question, cn.liaison.kb.index.Audience audience) {
        return ready.future().compose(base -> answers.askInBackground(base, question, audience));
    }

    /** An answer rated unhelpful: its question goes to the gap loop, against the entry that gave it. */
    public Future<Void> lowRated(String question, String entryId, String channel) {
        return questions.recordLowRated(question, entryId, channel);
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /** Rebuilds this instance's index from the published entries (after a publish anywhere). */
    Future<Void> reindex() {
        if (kb == null) {
            return Future.succeededFuture();
        }
        return entries.published()
                .compose(published -> worker.executeBlocking(() -> building(() -> {
                    long begin = System.nanoTime();
                    kb.reindex(load(published).entries());
                    if (answers != null) {
                        answers.invalidate();
                    }
                    cn.liaison.backend.platform.telemetry.Meters.kbIndexBuilt(System.nanoTime() - begin);
                    return null;
                }), false))
                .mapEmpty();
    }

    /** {@link #checked} on the worker pool: it writes and reads a temporary folder. */
    Future<Entry> check(String id, String yaml) {
        return worker.executeBlocking(() -> checked(id, yaml), false);
    }

    /** Validates one entry's text against the catalogue; a 400 naming each problem when it does not load. */
    static Entry checked(String id, String yaml) {
        ContentLoader.Validation validation = KbFolder.validate(Map.of(id, yaml));
        if (!validation.valid()) {
            List<FieldError> errors = validation.errors().stream()
                    .map(e -> new FieldError(e.line() > 0 ? "line " + e.line() : "entry",
                            (e.line() > 0 ? "第 " + e.line() + " 行：" : "") + e.reason()))
                    .toList();
            throw ProblemException.invalid("条目 " + id + " 有 " + errors.size() + " 处问题", errors);
        }
        return validation.content().entry(id).orElseThrow();
    }

    /**
     * Loads stored entries with the bundled scenarios (一件事); an entry that no longer validates (the
     * catalogue changed) is left out and logged, and so is a scenario that no longer fits the entries
     * (e.g. one of its items was unpublished).
     */
    private static Content load(Map<String, String> published) {
        List<String> scenarios = new java.util.ArrayList<>(KbFolder.scenarioFiles());
        ContentLoader.Validation validation = KbFolder.validate(published, scenarios);
        if (validation.valid()) {
            return validation.content();
        }
        validation.errors().forEach(e -> LOG.error("Knowledge base entry or scenario left out: {}", e));
        Map<String, String> good = new LinkedHashMap<>(published);
        validation.errors().forEach(e -> good.remove(e.file().replaceFirst("^entries/", "").replaceFirst("\\.yaml$", "")));
        validation.errors().forEach(e -> scenarios.remove(e.file()));
        ContentLoader.Validation second = KbFolder.validate(good, scenarios);
        if (second.valid()) {
            return second.content();
        }
        second.errors().forEach(e -> LOG.error("Knowledge base scenarios left out: {}", e));
        java.nio.file.Path dir = KbFolder.folderOf(good);
        try {
            return ContentLoader.load(dir);
        } finally {
            KbFolder.deleteQuietly(dir);
        }
    }

    static Map<String, String> bundledEntries() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Entry entry : KnowledgeBase.loadBundled().entries()) {
            texts.put(entry.id(), KbFolder.bundled(ContentLoader.ENTRIES + "/" + entry.id() + ".yaml"));
        }
        return texts;
    }
}
