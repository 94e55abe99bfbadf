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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How {@link Answers} shares its embedding pool: a person's question waits behind at most two
 * searches per pool thread, the service's own search never waits, and the rest is answered from the
 * words only. The pool's one thread is held by the test, so every count below is exact. The words-only
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
        Answers answers = new Answers(vertx, 1);
        CountDownLatch release = new CountDownLatch(1);
        WorkerExecutor samePool = vertx.createSharedWorkerExecutor("kb-embed", 1);
        samePool.executeBlocking(() -> release.await(30, TimeUnit.SECONDS), false);

        Future<Answers.Answer> first = answers.ask(kb, "人防工程竣工验收备案需要哪些材料", Audience.CHAT);
        Answers.Answer background = answers.askInBackground(kb, "防空地下室易地建设费怎么缴纳", Audience.CHAT)
                .await(10, TimeUnit.SECONDS);
        Future<Answers.Answer> second = answers.ask(kb, "人防施工图审查要多久", Audience.CHAT);
        Answers.Answer third = answers.ask(kb, "人防工程平时使用要备案吗", Audience.CHAT).await(10, TimeUnit.SECONDS);

        assertTrue(background.lexicalOnly(), "the service's search does not queue behind a person's");
        assertTrue(third.lexicalOnly(), "two searches already wait for the one thread: words only, at once");
        assertFalse(first.isComplete(), "the pool's thread is held, so the first question is still waiting");
        assertEquals(2, answers.inFlight());

        release.countDown();
        assertFalse(first.await(10, TimeUnit.SECONDS).lexicalOnly());
        assertFalse(second.await(10, TimeUnit.SECONDS).lexicalOnly());
        assertEquals(0, answers.inFlight());
        assertTrue(answers.ask(kb, "人防施工图审查要多久？", Audience.CHAT).await(10, TimeUnit.SECONDS).cached(),
                "asked again with a question mark: from the cache");
        Answers.Answer idle = answers.askInBackground(kb, "防空地下室易地建设费怎么缴纳", Audience.CHAT).await(10, TimeUnit.SECONDS);
        assertFalse(idle.lexicalOnly(), "with the pool free, the service's search uses it (the words-only answer was not cached)");
        samePool.close();
    }
}
