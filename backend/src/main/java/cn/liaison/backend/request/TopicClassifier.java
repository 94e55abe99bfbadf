package cn.liaison.backend.request;

import cn.liaison.backend.platform.Published;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Outgoing port used by assessment (研判): which knowledge-base topic a request's text is about, or
 * which other department owns it. Implemented over the knowledge base.
 */
@Published
public interface TopicClassifier {

    Future<Classification> classify(String text);

    /**
     * @param topicId    best topic when confident enough to categorise
     * @param department another department's name when the text is clearly theirs (函转)
     */
    record Classification(Optional<String> topicId, String topicTitle, double confidence, Optional<String> department) {

        public static Classification unknown() {
            return new Classification(Optional.empty(), null, 0, Optional.empty());
        }
    }
}
