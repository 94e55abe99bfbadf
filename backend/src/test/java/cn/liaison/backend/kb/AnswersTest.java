package cn.liaison.backend.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.kb.KnowledgeBase;
import cn.liaison.kb.index.Audience;
import cn.liaison.kb.index.RetrievalConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How {@link Answers} shares its embedding pool: a person's question waits behind at most two
 * searches per pool thread, the service's own search never waits, and the rest is answered from the
 * words only; the service embeds at most its budget a second and otherwise does not search. The pool's one thread is held by the test,
 * so every count below is exact. The words-only
 * variant keeps the model out of a unit test; the pool and its bounds are the same.
 */
class AnswersTest {

    private static Vertx vertx;
    private static KnowledgeBase kb;

    @BeforeAll
    static void open() {
        vertx = Vertx.vertx();
        kb = KnowledgeBase.open(KnowledgeBase.loadBundled(), RetrievalConfig.variant("smartcn+bigram"));
    }

    @AfterAll
    static void close() throws Exception {
        kb.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void aPersonWaitsBehindAtMostTwoSearchesPerThreadAndTheServiceNeverWaits() throws Exception {
        Answers answers = new Answers(vertx, 1, 1_000, System::nanoTime);
        CountDownLatch release = new CountDownLatch(1);
        WorkerExecutor samePool = vertx.createSharedWorkerExecutor("kb-embed", 1);
        samePool.executeBlocking(() -> release.await(30, TimeUnit.SECONDS), false);

        Future<Answers.Answer> first = answers.ask(kb, "人防工程竣工验收备案需要哪些材料", Audience.CHAT);
        java.util.Optional<Answers.Answer> background = answers.askInBackground(kb, "防空地下室易地建设费怎么缴纳",
                Audience.CHAT).await(10, TimeUnit.SECONDS);
        Future<Answers.Answer> second = answers.ask(kb, "人防施工图审查要多久", Audience.CHAT);
        Answers.Answer third = answers.ask(kb, "人防工程平时使用要备案吗", Audience.CHAT).await(10, TimeUnit.SECONDS);

        assertTrue(background.isEmpty(), "the service's search does not queue behind a person's, nor falls back to words");
        assertTrue(third.lexicalOnly(), "two searches already wait for the one thread: words only, at once");
        assertFalse(first.isComplete(), "the pool's thread is held, so the first question is still waiting");
        assertEquals(2, answers.inFlight());

        release.countDown();
        assertFalse(first.await(10, TimeUnit.SECONDS).lexicalOnly());
        assertFalse(second.await(10, TimeUnit.SECONDS).lexicalOnly());
        assertEquals(0, answers.inFlight());
        assertTrue(answers.ask(kb, "人防施工图审查要多久？", Audience.CHAT).await(10, TimeUnit.SECONDS).cached(),
                "asked again with a question mark: from the cache");
        Answers.Answer idle = answers.askInBackground(kb, "防空地下室易地建设费怎么缴纳", Audience.CHAT).await(10, TimeUnit.SECONDS)
                .orElseThrow();
        assertFalse(idle.lexicalOnly() || idle.cached(), "with the pool free, the service's search uses it");
        samePool.close();
    }

    @Test
    void theServiceEmbedsAtMostItsBudgetASecond() throws Exception {
        AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(5));
        Answers answers = new Answers(vertx, 1, 3, now::get);
        // the pool is free throughout: each search ends before the next is asked
        int embedded = 0;
        for (int i = 0; i < 5; i++) {
            embedded += answers.askInBackground(kb, "人防工程竣工验收备案第" + i + "次", Audience.CHAT)
                    .await(10, TimeUnit.SECONDS).isPresent() ? 1 : 0;
        }
        assertEquals(3, embedded, "a second's worth at the start, then none");
        assertFalse(answers.ask(kb, "人防工程竣工验收备案第9次", Audience.CHAT).await(10, TimeUnit.SECONDS).lexicalOnly(),
                "a person's question is not held to the service's budget");

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(340)); // a third of a second: one more
        assertTrue(answers.askInBackground(kb, "人防工程竣工验收备案第10次", Audience.CHAT)
                .await(10, TimeUnit.SECONDS).isPresent());
        assertTrue(answers.askInBackground(kb, "人防工程竣工验收备案第11次", Audience.CHAT)
                .await(10, TimeUnit.SECONDS).isEmpty());

        now.addAndGet(TimeUnit.MINUTES.toNanos(10)); // a quiet spell fills the bucket to one second's worth, no more
        embedded = 0;
        for (int i = 20; i < 25; i++) {
            embedded += answers.askInBackground(kb, "人防工程竣工验收备案第" + i + "次", Audience.CHAT)
                    .await(10, TimeUnit.SECONDS).isPresent() ? 1 : 0;
        }
        assertEquals(3, embedded);
        assertEquals(0, answers.inFlight(), "a refused budget gives its pool place back");
    }

    @Test
    void aZeroBudgetKeepsTheServiceOffTheModel() throws Exception {
        Answers answers = new Answers(vertx, 1, 0, System::nanoTime);
        assertTrue(answers.askInBackground(kb, "防空地下室易地建设费怎么缴纳", Audience.CHAT)
                .await(10, TimeUnit.SECONDS).isEmpty());
    }
}
