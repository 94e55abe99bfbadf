package cn.liaison.backend.request;

import cn.liaison.backend.platform.Published;

import io.vertx.core.Future;
import java.util.List;

/**
 * Full-text search over requests (content, replies, supplements, and for staff internal notes),
 * published by the search feature and used by the ledger's {@code q=}.
 */
@Published
public interface RequestTextSearch {

    /**
     * Ids of the requests matching {@code text} among those {@code criteria} admits, best first
     * (newest first among equals), at most {@code limit}.
     *
     * @return a failed future with {@link SearchUnavailableException} while the index is being built
     */
    Future<List<String>> ids(String text, SearchCriteria criteria, int limit);

    /** The index is not ready yet (503). */
    final class SearchUnavailableException extends RuntimeException {
        public SearchUnavailableException(String message) {
            super(message, null, false, false);
        }
    }
}
