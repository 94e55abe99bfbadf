package cn.liaison.backend.search;

import cn.liaison.backend.platform.store.MongoDocs;
import cn.liaison.backend.request.Action;
import cn.liaison.backend.request.SearchCriteria;
import cn.liaison.kb.text.AnalyzerKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The requests' full-text index, in memory (rebuilt from the store at start). Text is indexed twice:
 * as words (smartcn, the knowledge base's segmenter) for ranking, and as character pairs (bigrams)
 * for matching, so a query matches when most of its pairs occur in one field — robust to words the
 * segmenter cuts differently. Keyword fields carry what the scope and the ledger filter on. Blocking:
 * called from one worker thread.
 */
final class RequestIndex implements AutoCloseable {

    private static final String ID = "id";
    private static final String NUMBER = "number";
    private static final String CREATED = "createdAt";
    private static final String DUE = "activeDueAt";
    private static final String PAIRS = "_bi";
    /** Searchable text: the request's own words, everyone's public history, staff-only notes. */
    private static final String CONTENT = "content";
    private static final String NOTES = "notes";
    private static final String INTERNAL = "internal";

    private final Analyzer words = AnalyzerKind.SMARTCN.create(List.of());
    private final Analyzer pairs = AnalyzerKind.BIGRAM.create(List.of());
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, Long> versions = new ConcurrentHashMap<>();

    RequestIndex() {
        Map<String, Analyzer> byField = Map.of(CONTENT + PAIRS, pairs, NOTES + PAIRS, pairs, INTERNAL + PAIRS, pairs);
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(new PerFieldAnalyzerWrapper(words, byField))
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(32));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indexes the request unless a newer version of it is already indexed; true when it was. */
    boolean put(JsonObject request) {
        String id = request.getString("_id");
        long version = request.getLong("version", 0L);
        Long known = versions.get(id);
        if (id == null || known != null && known >= version) {
            return false;
        }
        try {
            writer.updateDocument(new Term(ID, id), document(request));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        versions.put(id, version);
        return true;
    }

    /** The version indexed for a request, or -1. */
    long version(String id) {
        return versions.getOrDefault(id, -1L);
    }

    int size() {
        return versions.size();
    }

    List<String> search(String text, SearchCriteria criteria, int limit) {
        Query match = match(text, criteria.staff());
        if (match == null) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(match, Occur.MUST);
        SearchFilters.add(query, criteria);
        try {
            searchers.maybeRefreshBlocking();
            IndexSearcher searcher = searchers.acquire();
            try {
                Sort sort = new Sort(SortField.FIELD_SCORE, new SortField(CREATED, SortField.Type.LONG, true));
                List<String> ids = new ArrayList<>();
                for (ScoreDoc hit : searcher.search(query.build(), limit, sort).scoreDocs) {
                    ids.add(searcher.storedFields().document(hit.doc, Set.of(ID)).get(ID));
                }
                return ids;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Matches when most character pairs of the query occur in one field (or the query is a request
     * number); the words add to the score. Internal notes only for staff.
     */
    private Query match(String text, boolean staff) {
        QueryBuilder byWords = new QueryBuilder(words);
        QueryBuilder byPairs = new QueryBuilder(pairs);
        BooleanQuery.Builder required = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        BooleanQuery.Builder scoring = new BooleanQuery.Builder();
        boolean any = false;
        for (String field : staff ? List.of(CONTENT, NOTES, INTERNAL) : List.of(CONTENT, NOTES)) {
            float boost = CONTENT.equals(field) ? 2f : 1f;
            Query pairQuery = byPairs.createMinShouldMatchQuery(field + PAIRS, text, 0.75f);
            if (pairQuery != null) {
                required.add(new BoostQuery(pairQuery, boost), Occur.SHOULD);
                any = true;
            }
            Query wordQuery = byWords.createBooleanQuery(field, text, Occur.SHOULD);
            if (wordQuery != null) {
                scoring.add(new BoostQuery(wordQuery, boost), Occur.SHOULD);
            }
        }
        required.add(new BoostQuery(new TermQuery(new Term(NUMBER, text.strip().toUpperCase(java.util.Locale.ROOT))), 10f),
                Occur.SHOULD);
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(required.build(), Occur.MUST);
        all.add(scoring.build(), Occur.SHOULD);
        return any || !text.isBlank() ? all.build() : null;
    }

    private static Document document(JsonObject request) {
        Document doc = new Document();
        doc.add(new StringField(ID, request.getString("_id"), Field.Store.YES));
        String number = request.getString(NUMBER, "");
        doc.add(new StringField(NUMBER, number, Field.Store.NO));
        keyword(doc, "createdBy", request.getJsonObject("createdBy", new JsonObject()).getString("id"));
        keyword(doc, "rating", request.getJsonObject("rating", new JsonObject()).getString("level"));
        for (String field : new String[] {"enterpriseId", "liaisonId", "unitId", "district", "status", "type", "channel"}) {
            keyword(doc, field, request.getString(field));
        }
        Instant created = MongoDocs.instant(request.getValue(CREATED));
        long createdMs = created == null ? 0 : created.toEpochMilli();
        doc.add(new LongPoint(CREATED, createdMs));
        doc.add(new NumericDocValuesField(CREATED, createdMs));
        Instant due = MongoDocs.instant(request.getValue(DUE));
        if (due != null) {
            doc.add(new LongPoint(DUE, due.toEpochMilli()));
        }
        StringBuilder notes = new StringBuilder();
        StringBuilder internal = new StringBuilder();
        for (Object item : request.getJsonArray("history", new JsonArray())) {
            JsonObject entry = (JsonObject) item;
            String note = entry.getString("note");
            if (note != null) {
                // Only staff may match what the enterprise never reads (notes, extension reasons).
                boolean staffOnly = entry.getBoolean("internal", false) || Action.staffOnly(entry.getString("action"));
                (staffOnly ? internal : notes).append(note).append('\n');
            }
        }
        text(doc, CONTENT, request.getString(CONTENT, "") + "\n" + number);
        text(doc, NOTES, notes.toString());
        text(doc, INTERNAL, internal.toString());
        return doc;
    }

    private static void keyword(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new StringField(field, value, Field.Store.NO));
        }
    }

    private static void text(Document doc, String field, String value) {
        doc.add(new TextField(field, value, Field.Store.NO));
        doc.add(new TextField(field + PAIRS, value, Field.Store.NO));
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
