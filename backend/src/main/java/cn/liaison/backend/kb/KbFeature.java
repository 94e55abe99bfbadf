package cn.liaison.backend.kb;

import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import io.vertx.core.Future;
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
    private KbModule module;

    public KbFeature(int answersPerMinute) {
        this.answersPerMinute = answersPerMinute;
    }

    @Override
    public String name() {
        return "knowledge base";
    }

    @Override
    public Future<Void> start(Platform platform) {
        module = new KbModule(platform.vertx(), platform.stores(), platform.blocking(), platform.clock(), answersPerMinute);
        module.start().onFailure(e -> LOG.error("Knowledge base failed to load: {}", e.toString(), e));
        platform.ports().publish(KbModule.class, module);
        platform.readiness(() -> module.knowledgeBase().succeeded());
        platform.ports().publish(cn.liaison.backend.request.TopicClassifier.class,
                new KbTopicClassifier(module.knowledgeBase(), platform.blocking()));
        platform.route(module.routes());
        return Future.succeededFuture();
    }

    @Override
    public void close() {
        if (module != null) {
            module.close();
        }
    }
}
