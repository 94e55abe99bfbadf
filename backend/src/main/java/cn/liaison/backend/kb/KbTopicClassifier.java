package cn.liaison.backend.kb;

import cn.liaison.backend.request.TopicClassifier;
import cn.liaison.kb.KnowledgeBase;
import cn.liaison.kb.content.Topic;
import cn.liaison.kb.index.Decision;
import cn.liaison.kb.index.SearchOutcome;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;

/**
 * Categorises a request by asking the knowledge base what its text is about: the topic of the best
 * entry when retrieval is confident, or the department that owns it when it is not ours. The
 * search is CPU work, so it runs on the worker pool. When the model is not free for it (its thread
 * busy, or the background budget spent: see {@link Answers}) no search is made and the request is
 * routed uncategorised; words alone are not trusted to send a request to another department.
 */
public final class KbTopicClassifier implements TopicClassifier {

    private final Future<KnowledgeBase> knowledgeBase;
    private final KbService service;

    /**
     * @param knowledgeBase completes when the index is built; classification waits for it
     * @param service       searches through the answer cache: a request from the chat re-asks what the chat just answered
     */
    public KbTopicClassifier(Future<KnowledgeBase> knowledgeBase, KbService service) {
        this.knowledgeBase = knowledgeBase;
        this.service = service;
    }

    @Override
    public Future<Classification> classify(String text) {
        return knowledgeBase.compose(kb -> service.searchInBackground(text, cn.liaison.kb.index.Audience.CHAT)
                .map(answer -> answer.map(found -> toClassification(kb, found.outcome()))
                        .orElseGet(Classification::unknown)));
    }

    private static Classification toClassification(KnowledgeBase kb, SearchOutcome outcome) {
        if (outcome.decision() == Decision.FORWARDED) {
            return new Classification(Optional.empty(), null, outcome.confidence(),
                    outcome.forwardRule().map(r -> r.department()));
        }
        if (outcome.decision() == Decision.ANSWERED || outcome.decision() == Decision.SUGGESTED) {
            Map<String, Topic> topics = kb.content().topicsById();
            return outcome.best()
                    .map(hit -> hit.entry().topics().get(0))
                    .map(topic -> new Classification(Optional.of(topic),
                            Optional.ofNullable(topics.get(topic)).map(Topic::title).orElse(null),
                            outcome.confidence(), Optional.<String>empty()))
                    .orElse(Classification.unknown());
        }
        return Classification.unknown();
    }
}
