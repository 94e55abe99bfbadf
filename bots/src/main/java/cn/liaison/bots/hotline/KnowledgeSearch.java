package cn.liaison.bots.hotline;

import cn.liaison.kb.content.Entry;
import cn.liaison.kb.index.SearchOutcome;
import io.vertx.core.Future;
import java.util.Optional;

/** Outgoing port: the knowledge base, searched off the event loop by whoever implements it. */
public interface KnowledgeSearch {

    Future<SearchOutcome> ask(String question);

    Future<Optional<Entry>> entry(String entryId);
}
