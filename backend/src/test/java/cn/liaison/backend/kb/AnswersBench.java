package cn.liaison.backend.kb;

import cn.liaison.kb.KnowledgeBase;
import cn.liaison.kb.index.Audience;
import cn.liaison.kb.index.RetrievalConfig;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Answers per second through {@link Answers}: a question not asked before (one embedding each, on
 * the {@code kb-embed} pool) against the same question asked again (from the cache), on the bundled
 * knowledge base. Run by {@code deploy/load.sh answers}.
 */
public final class AnswersBench {

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx();
        try (KnowledgeBase kb = KnowledgeBase.open(KnowledgeBase.loadBundled(), RetrievalConfig.defaults())) {
            Answers answers = new Answers(vertx, Integer.parseInt(
                    cn.liaison.backend.config.ConfigKey.KB_BACKGROUND_EMBEDDINGS_PER_SECOND.defaultValue()));
            List<String> questions = kb.content().entries().stream().map(e -> e.standardQuestion()).toList();
            answers.ask(kb, questions.get(0), Audience.CHAT).await(60, TimeUnit.SECONDS); // model warm-up
            int fresh = Math.min(200, questions.size() * 4);
            long t0 = System.nanoTime();
            for (int i = 0; i < fresh; i++) {
                answers.ask(kb, questions.get(i % questions.size()) + "？第" + i + "问", Audience.CHAT).await(60, TimeUnit.SECONDS);
            }
            double freshRate = fresh / ((System.nanoTime() - t0) / 1e9);
            int repeated = 500_000;
            t0 = System.nanoTime();
            for (int i = 0; i < repeated; i++) {
                // spacing and punctuation differ; the normalised question is the same
                String q = questions.get(i % 20) + (i % 2 == 0 ? "？" : " ");
                if (!answers.ask(kb, q, Audience.CHAT).await(60, TimeUnit.SECONDS).cached() && i >= 40) {
                    throw new IllegalStateException("expected a cached answer for " + q);
                }
            }
            double cachedRate = repeated / ((System.nanoTime() - t0) / 1e9);
            System.out.printf("KB answer, question not asked before (one embedding each, one caller): %,.0f/s%n", freshRate);
            System.out.printf("KB answer, repeated question from the cache (one caller thread):      %,.0f/s%n", cachedRate);
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
