package cn.liaison.backend.kb;

import cn.liaison.kb.KnowledgeBase;
import cn.liaison.kb.index.Audience;
import cn.liaison.kb.index.SearchOutcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Every knowledge-base search of the service (chat, public answer, hotline assist, request
 * assessment) goes through here, so that a question costs at most one embedding:
 * <ul>
 *   <li>a bounded cache, normalised question → outcome, per audience: people ask the same things,
 *       and assessment re-asks the text the chat just answered; cleared on every publish;</li>
 *   <li>embedding work on the named pool {@code kb-embed}: half the cores, one inference per thread
 *       (the other half serves requests: with every core on the model, the event loops waited for CPU
 *       and request creation slowed to seconds); at most {@code threads × 2} searches in it or
 *       waiting, so a person never queues behind more than two inferences;</li>
 *   <li>a search the service makes for itself ({@link #askInBackground}, request assessment) is
 *       embedded only when the pool has a thread free, so it never waits behind a person's question,
 *       and at most {@code backgroundPerSecond} times a second (a token bucket holding one second's
 *       worth): one inference is about 7 ms of a core, so a burst of requests would otherwise keep a
 *       core on the model for assessments alone and the requests' own answers wait for CPU; when it
 *       cannot be embedded it is not made at all (empty): on the eval sets a words-only search
 *       categorised a request the model categorised in 29 of 653 questions and sent 7 of ours to
 *       another department, for 1.2–3 ms of a core each;</li>
 *   <li>beyond that, a person's question gets a words-only search on the pool {@code kb-lexical},
 *       flagged {@code lexicalOnly} (scores are lower, so it answers less often; it is not cached).</li>
 * </ul>
 */
public final class Answers {

    /** An outcome and how it was reached. */
    public record Answer(SearchOutcome outcome, boolean cached, boolean lexicalOnly) {}

    private record Key(String question, Audience audience) {}

    static final int CACHE_ENTRIES = 10_000;

    private final WorkerExecutor embedPool;
    private final WorkerExecutor lexicalPool;
    private final int threads;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong generation = new AtomicLong();
    private final Budget background;
    private final Map<Key, SearchOutcome> cache = cn.liaison.backend.platform.LeastRecentlyUsed.map(CACHE_ENTRIES);

    /** @param backgroundPerSecond the service's own searches embedded per second at most (0: none) */
    public Answers(Vertx vertx, int backgroundPerSecond) {
        this(vertx, Math.max(1, Runtime.getRuntime().availableProcessors() / 2), backgroundPerSecond, System::nanoTime);
    }

    Answers(Vertx vertx, int threads, int backgroundPerSecond, LongSupplier nanoTime) {
        this.embedPool = vertx.createSharedWorkerExecutor("kb-embed", threads);
        this.lexicalPool = vertx.createSharedWorkerExecutor("kb-lexical", threads);
        this.threads = threads;
        this.maxInFlight = threads * 2;
        this.background = new Budget(backgroundPerSecond, nanoTime);
    }

    /** A person's question: embedded unless {@code threads × 2} searches are already in or waiting for the pool. */
    public Future<Answer> ask(KnowledgeBase kb, String question, Audience audience) {
        Key key = new Key(normalise(question), audience);
        Answer known = cached(key, question);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        if (!enterPool(maxInFlight)) {
            return lexicalPool.executeBlocking(() -> new Answer(kb.askLexical(question, audience), false, true), false);
        }
        return embed(kb, question, key);
    }

    /**
     * The service's own search: from the cache, or embedded when a pool thread is free (so it never
     * delays a person's) and the background budget allows; otherwise none (empty).
     */
    public Future<Optional<Answer>> askInBackground(KnowledgeBase kb, String question, Audience audience) {
        Key key = new Key(normalise(question), audience);
        Answer known = cached(key, question);
        if (known != null) {
            return Future.succeededFuture(Optional.of(known));
        }
        if (!enterPool(threads)) {
            return Future.succeededFuture(Optional.empty());
        }
        if (!background.take()) {
            inFlight.decrementAndGet();
            return Future.succeededFuture(Optional.empty());
        }
        return embed(kb, question, key).map(Optional::of);
    }

    private Answer cached(Key key, String question) {
        SearchOutcome known;
        synchronized (cache) {
            known = cache.get(key);
        }
        return known == null ? null : new Answer(asAsked(known, question), true, false);
    }

    /** Takes a place in the embedding pool when fewer than {@code limit} are taken; the embedding gives it back. */
    private boolean enterPool(int limit) {
        if (inFlight.incrementAndGet() > limit) {
            inFlight.decrementAndGet();
            return false;
        }
        return true;
    }

    private Future<Answer> embed(KnowledgeBase kb, String question, Key key) {
        long asOf = generation.get();
        return embedPool.executeBlocking(() -> kb.ask(question, key.audience()), false)
                .andThen(done -> inFlight.decrementAndGet())
                .map(outcome -> {
                    synchronized (cache) {
                        if (generation.get() == asOf) {
                            cache.put(key, outcome);
                        }
                    }
                    return new Answer(outcome, false, false);
                });
    }

    /** Forgets every cached outcome: the published content changed. */
    public void invalidate() {
        synchronized (cache) {
            generation.incrementAndGet();
            cache.clear();
        }
    }

    /** Searches in the embedding pool or waiting for it now. */
    int inFlight() {
        return inFlight.get();
    }

    /**
     * A token bucket: {@code perSecond} tokens a second, holding at most one second's worth (at
     * least one token), full at the start.
     */
    static final class Budget {
        private final double perSecond;
        private final double capacity;
        private final LongSupplier nanoTime;
        private double tokens;
        private long last;

        Budget(int perSecond, LongSupplier nanoTime) {
            if (perSecond < 0) {
                throw new IllegalArgumentException("a budget cannot be negative: " + perSecond);
            }
            this.perSecond = perSecond;
            this.capacity = Math.max(1, perSecond);
            this.nanoTime = nanoTime;
            this.tokens = perSecond == 0 ? 0 : capacity;
            this.last = nanoTime.getAsLong();
        }

        /** Takes a token if there is one. */
        synchronized boolean take() {
            long now = nanoTime.getAsLong();
            tokens = Math.min(capacity, tokens + (now - last) * perSecond / 1e9);
            last = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }

    /** Full-width to half-width, case, spacing and trailing punctuation do not change a question. */
    static String normalise(String question) {
        String text = Normalizer.normalize(question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ").strip();
        return text.replaceAll("[\\p{Punct}\\p{IsPunctuation}\\s]+$", "");
    }

    private static SearchOutcome asAsked(SearchOutcome outcome, String question) {
        return outcome.question().equals(question) ? outcome : new SearchOutcome(question, outcome.decision(),
                outcome.confidence(), outcome.hits(), outcome.suggestions(), outcome.forward());
    }
}
