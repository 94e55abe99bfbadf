package cn.liaison.backend.hotline;

import cn.liaison.bots.hotline.KnowledgeSearch;
import cn.liaison.kb.KnowledgeBase;
import cn.liaison.kb.content.Entry;
import cn.liaison.kb.index.SearchOutcome;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.Optional;

/** The assistant's knowledge port: searches run on the worker pool, never on the event loop. */
final class KbSearchAdapter implements KnowledgeSearch {

    private final Future<KnowledgeBase> knowledgeBase;
    private final WorkerExecutor blocking;

    KbSearchAdapter(Future<KnowledgeBase> knowledgeBase, WorkerExecutor blocking) {
        this.knowledgeBase = knowledgeBase;
        this.blocking = blocking;
    }

    @Override
    public Future<SearchOutcome> ask(String question) {
        return knowledgeBase.compose(kb -> blocking.executeBlocking(() -> kb.ask(question, cn.liaison.kb.index.Audience.HOTLINE), false));
    }

    @Override
    public Future<Optional<Entry>> entry(String entryId) {
        return knowledgeBase.map(kb -> kb.entry(entryId));
    }
}
