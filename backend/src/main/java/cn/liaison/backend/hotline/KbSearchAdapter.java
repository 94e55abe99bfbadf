package cn.liaison.backend.hotline;

import cn.liaison.backend.kb.KbService;
import cn.liaison.bots.hotline.KnowledgeSearch;
import cn.liaison.kb.KnowledgeBase;
import cn.liaison.kb.content.Entry;
import cn.liaison.kb.index.SearchOutcome;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * The assistant's knowledge port. Searches go through the knowledge base's answer cache and its
 * bounded embedding pool like the chat's, so a caller on the line is answered from the cache when
 * the question was asked before, and words-only rather than late when the pool is full.
 */
final class KbSearchAdapter implements KnowledgeSearch {

    private final Future<KnowledgeBase> knowledgeBase;
    private final KbService service;

    KbSearchAdapter(Future<KnowledgeBase> knowledgeBase, KbService service) {
        this.knowledgeBase = knowledgeBase;
        this.service = service;
    }

    @Override
    public Future<SearchOutcome> ask(String question) {
        return service.searchOutcome(question, cn.liaison.kb.index.Audience.HOTLINE);
    }

    @Override
    public Future<Optional<Entry>> entry(String entryId) {
        return knowledgeBase.map(kb -> kb.entry(entryId));
    }
}
