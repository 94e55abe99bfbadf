package cn.liaison.kb.index;

import cn.liaison.kb.text.Tokens;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Scores owners (entries and forward departments) for one question. Lucene (BM25 over every
 * variant, plus kNN over the question vectors) only proposes candidates; each candidate owner is
 * then scored exactly over all its variants, so scores are comparable across questions:
 * an IDF-weighted overlap (F1 of query coverage and variant coverage) per analyser, averaged, and
 * mixed with the embedding cosine in hybrid variants. An owner scores as its best variant.
 */
final class Ranker {
    private static final int LEXICAL_CANDIDATES = 60;
    private static final int VECTOR_CANDIDATES = 40;
    private static final int MAX_QUERY_TOKENS = 64;
    private static final float BODY_BOOST = 0.3f;

    /** Terms of questions the index does not hold, remembered so their next lookup costs nothing; bounded. */
    private static final int MAX_ABSENT_TERMS = 50_000;

    private final IndexData data;
    private final IndexSearcher searcher;
    /**
     * Each looked-up term's statistics in this (immutable) index: a question's terms are looked up
     * once, not again for every question (a lookup allocated ~1 KB of term-dictionary frames, and a
     * create's assessment looks up about a hundred). Present terms are bounded by the index's
     * vocabulary; absent ones by {@link #MAX_ABSENT_TERMS}.
     */
    private final Map<Term, TermStates> present = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<Term> absent = java.util.concurrent.ConcurrentHashMap.newKeySet();

    Ranker(IndexData data) {
        this.data = data;
        this.searcher = new IndexSearcher(data.reader());
    }

    /** A scored owner and the variant that matched it best. */
    record Scored(int owner, double score, int variant) {
    }

    /** Every candidate owner, scored; entries and departments alike, for a normalised question. */
    List<Scored> score(String text) throws IOException {
        return score(text, true);
    }

    /** @param useEmbeddings false: words only, no model time (the service's fallback when its embedding pool is saturated) */
    List<Scored> score(String text, boolean useEmbeddings) throws IOException {
        int analyzers = data.analyzers().size();
        String[][] query = new String[analyzers][];
        for (int a = 0; a < analyzers; a++) {
            Set<String> distinct = new LinkedHashSet<>(Tokens.of(data.analyzers().get(a), IndexData.termField(a), text));
            query[a] = distinct.stream().limit(MAX_QUERY_TOKENS).toArray(String[]::new);
        }
        boolean embed = useEmbeddings && data.embedder() != null && !text.isBlank();
        // One embedding per question: the plain vector serves the question variants, the answer texts
        // and the centroids alike (a second, instructed vector for answer texts added 0.03 top1 on the
        // dev set at twice the model time; README, "One embedding per query").
        float[] vector = embed ? data.embedder().embed(text) : null;
        float[] queryVector = vector;
        Set<Integer> owners = candidates(query, vector);
        double[] queryWeights = new double[analyzers];
        for (int a = 0; a < analyzers; a++) {
            queryWeights[a] = data.stats().get(a).weight(query[a]);
        }
        Map<Integer, Double> cosines = vector == null ? Map.of() : cosines(owners, vector);
        List<Scored> scored = new ArrayList<>();
        for (int owner : owners) {
            scored.add(scoreOwner(owner, query, queryWeights, cosines, queryVector));
        }
        keywordDepartments(text, scored);
        scored.sort((x, y) -> Double.compare(y.score(), x.score()));
        return scored;
    }

    /** A department whose declared keyword appears verbatim scores at least the keyword score. */
    private void keywordDepartments(String text, List<Scored> scored) {
        double floor = data.config().weights().forwardKeyword();
        if (floor == 0) {
            return;
        }
        for (int d = 0; d < data.departments().size(); d++) {
            int owner = data.entries().size() + d;
            boolean mentioned = data.departmentKeywords().get(d).stream().anyMatch(text::contains);
            if (!mentioned) {
                continue;
            }
            int index = -1;
            for (int i = 0; i < scored.size() && index < 0; i++) {
                index = scored.get(i).owner() == owner ? i : -1;
            }
            Scored current = index < 0 ? new Scored(owner, 0, data.ownerVariants()[owner][0]) : scored.get(index);
            Scored raised = new Scored(owner, Math.max(floor, current.score()), current.variant());
            if (index < 0) {
                scored.add(raised);
            } else {
                scored.set(index, raised);
            }
        }
    }

    private Set<Integer> candidates(String[][] query, float[] vector) throws IOException {
        Set<Integer> owners = new LinkedHashSet<>();
        BooleanQuery.Builder lexical = new BooleanQuery.Builder();
        int clauses = 0;
        for (int a = 0; a < query.length; a++) {
            for (String token : query[a]) {
                // a term the index lacks matches nothing and scores nothing: left out of the query
                Query inTerms = termQuery(IndexData.termField(a), token);
                if (inTerms != null) {
                    lexical.add(inTerms, BooleanClause.Occur.SHOULD);
                    clauses++;
                }
                Query inBody = termQuery(IndexData.bodyField(a), token);
                if (inBody != null) {
                    lexical.add(new BoostQuery(inBody, BODY_BOOST), BooleanClause.Occur.SHOULD);
                    clauses++;
                }
            }
        }
        if (clauses > 0) {
            for (ScoreDoc hit : searcher.search(lexical.build(), LEXICAL_CANDIDATES).scoreDocs) {
                owners.add(data.variants().get(data.docVariant()[hit.doc]).owner());
            }
        }
        if (vector != null && data.reader().maxDoc() > 0) {
            for (ScoreDoc hit : searcher.search(new KnnFloatVectorQuery(IndexData.VECTOR, vector, VECTOR_CANDIDATES),
                    VECTOR_CANDIDATES).scoreDocs) {
                owners.add(data.variants().get(data.docVariant()[hit.doc]).owner());
            }
        }
        return owners;
    }

    /** A query for {@code token} in {@code field} with its statistics looked up once; null when the index lacks it. */
    private Query termQuery(String field, String token) throws IOException {
        Term term = new Term(field, token);
        TermStates states = present.get(term);
        if (states == null) {
            if (absent.contains(term)) {
                return null;
            }
            states = TermStates.build(searcher, term, true);
            if (states.docFreq() == 0) {
                if (absent.size() < MAX_ABSENT_TERMS) {
                    absent.add(term);
                }
                return null;
            }
            present.putIfAbsent(term, states);
        }
        return new TermQuery(term, states);
    }

    /** Exact cosine of the question with every question variant of the candidate owners. */
    private Map<Integer, Double> cosines(Set<Integer> owners, float[] vector) throws IOException {
        int[] docs = owners.stream()
                .flatMapToInt(owner -> Arrays.stream(data.ownerVariants()[owner]))
                .map(variant -> data.variantDoc()[variant])
                .sorted()
                .toArray();
        Map<Integer, Double> cosines = new HashMap<>();
        if (docs.length == 0) {
            return cosines;
        }
        LeafReader leaf = data.reader().leaves().get(0).reader();
        FloatVectorValues values = leaf.getFloatVectorValues(IndexData.VECTOR);
        for (int doc : docs) {
            if (values.docID() < doc && values.advance(doc) == doc) {
                float[] stored = values.vectorValue();
                double dot = 0;
                for (int i = 0; i < stored.length; i++) {
                    dot += stored[i] * vector[i];
                }
                cosines.put(data.docVariant()[doc], dot);
            }
        }
        return cosines;
    }

    private Scored scoreOwner(int owner, String[][] query, double[] queryWeights, Map<Integer, Double> cosines,
            float[] queryVector) {
        RetrievalConfig.Weights weights = data.config().weights();
        double best = 0;
        int bestVariant = data.ownerVariants()[owner][0];
        for (int v : data.ownerVariants()[owner]) {
            double lexical = lexical(query, queryWeights, data.variants().get(v));
            double score = lexical;
            if (data.embedder() != null) {
                double semantic = semantic(cosines.getOrDefault(v, 0.0), weights);
                score = (1 - weights.embedding()) * lexical + weights.embedding() * semantic;
            }
            if (score > best) {
                best = score;
                bestVariant = v;
            }
        }
        boolean entry = !data.isDepartment(owner);
        if (entry && weights.bodyLexical() > 0) {
            double coverage = coverage(query, queryWeights, data.variants().get(data.ownerBody()[owner]));
            best += weights.bodyLexical() * coverage * (1 - best);
        }
        if (queryVector != null) {
            if (entry) {
                double body = semantic(IndexData.dot(queryVector, data.bodyVectors()[owner]), weights);
                best = (1 - weights.bodyVector()) * best + weights.bodyVector() * body;
            }
            double centroid = semantic(IndexData.dot(queryVector, data.ownerCentroid()[owner]), weights);
            best = (1 - weights.centroid()) * best + weights.centroid() * centroid;
        }
        if (entry && data.entries().get(owner).kind() == cn.liaison.kb.content.Kind.SCENARIO) {
            // A package bundles several items: it should win only over questions about the package
            // itself, not over a question one of its items answers better.
            best *= SCENARIO_PRIOR;
        }
        return new Scored(owner, Math.max(0, Math.min(1, best)), bestVariant);
    }

    /** Score factor for scenario packages relative to single entries (measured on the dev set, see README). */
    static final double SCENARIO_PRIOR = 0.9;

    /** A cosine mapped to [0, 1]: 0 at or below the floor, 1 for identical texts. */
    private static double semantic(double cosine, RetrievalConfig.Weights weights) {
        return Math.min(1, Math.max(0, (cosine - weights.floor()) / (1 - weights.floor())));
    }

    /** Mean over analysers of the IDF-weighted F1 between query tokens and variant tokens. */
    private double lexical(String[][] query, double[] queryWeights, Variant variant) {
        if (query.length == 0) {
            return 0;
        }
        double sum = 0;
        for (int a = 0; a < query.length; a++) {
            double overlap = overlap(query[a], variant.tokens()[a], data.stats().get(a));
            if (overlap > 0) {
                double recall = overlap / queryWeights[a];
                double precision = overlap / variant.weights()[a];
                sum += 2 * recall * precision / (recall + precision);
            }
        }
        return sum / query.length;
    }

    private double coverage(String[][] query, double[] queryWeights, Variant body) {
        double sum = 0;
        for (int a = 0; a < query.length; a++) {
            double overlap = overlap(query[a], body.tokens()[a], data.stats().get(a));
            sum += queryWeights[a] == 0 ? 0 : overlap / queryWeights[a];
        }
        return query.length == 0 ? 0 : sum / query.length;
    }

    private static double overlap(String[] query, String[] variant, TermStats stats) {
        double overlap = 0;
        for (String token : query) {
            for (String other : variant) {
                if (token.equals(other)) {
                    overlap += stats.idf(token);
                    break;
                }
            }
        }
        return overlap;
    }
}
