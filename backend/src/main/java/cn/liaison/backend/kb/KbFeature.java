package cn.liaison.backend.kb;

import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.platform.jobs.Jobs.Job;
import cn.liaison.backend.platform.jobs.Schedule;
import io.vertx.core.Future;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge base service: answers, editing, sync between instances. Building the index (with
 * sentence embeddings) takes seconds, so it runs in the background and the service is ready at
 * once; searches wait for it. Publishes {@link KbModule}.
 */
public final class KbFeature implements Feature {

    private static final Logger LOG = LoggerFactory.getLogger(KbFeature.class);

    private final int answersPerMinute;
    private final int backgroundEmbeddingsPerSecond;
    private KbModule module;

    public KbFeature(int answersPerMinute, int backgroundEmbeddingsPerSecond) {
        this.answersPerMinute = answersPerMinute;
        this.backgroundEmbeddingsPerSecond = backgroundEmbeddingsPerSecond;
    }

    @Override
    public String name() {
        return "knowledge base";
    }

    @Override
    public Future<Void> start(Platform platform) {
        platform.collections(KbCollections.ENTRIES, KbCollections.QUESTIONS, KbCollections.SUGGESTIONS,
                KbCollections.IMPORTS);
        // vectors of the content's texts survive a restart: the index is built without the model
        cn.liaison.kb.index.KbIndex.keepVectorsIn(platform.dataDir().resolve("kb-vectors"));
        module = new KbModule(platform.vertx(), platform.stores(), platform.blocking(), platform.clock(), answersPerMinute,
                backgroundEmbeddingsPerSecond);
        module.start().onFailure(e -> LOG.error("Knowledge base failed to load: {}", e.toString(), e));
        platform.ports().publish(KbModule.class, module);
        platform.ports().publish(cn.liaison.backend.stats.DirectAnswers.Chat.class, module.chatDirectAnswers());
        platform.readiness(() -> module.knowledgeBase().succeeded());
        platform.ports().publish(cn.liaison.backend.request.TopicClassifier.class,
                new KbTopicClassifier(module.knowledgeBase(), module.service()));
        platform.route(module.routes());
        // Monday morning: the week's unanswered and low-rated questions grouped for the city admin.
        platform.jobs().add(Job.leased("kb-gaps-weekly", Schedule.weeklyAt(DayOfWeek.MONDAY, LocalTime.of(7, 30),
                WorkingCalendar.ZONE), Duration.ofMinutes(10), module::weeklyGaps));
        return Future.succeededFuture();
    }

    /** Other instances' publishes are no longer followed once the stop begins. */
    @Override
    public void drain() {
        if (module != null) {
            module.stopSync();
        }
    }

    /**
     * A stop while the index is still being built waits for the build (at most {@link #BUILD_WAIT}),
     * after the HTTP servers have stopped accepting: ONNX Runtime's native teardown at process exit
     * crashed a thread still creating its session (SIGBUS, exit 134 instead of 0 on a SIGTERM right
     * after start).
     */
    private static final Duration BUILD_WAIT = Duration.ofSeconds(60);

    @Override
    public void close() {
        if (module == null) {
            return;
        }
        try {
            module.awaitBuilds(BUILD_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        module.close();
    }
}
