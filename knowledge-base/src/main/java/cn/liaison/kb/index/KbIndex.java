package cn.liaison.kb.index;

import cn.liaison.kb.content.Content;
import cn.liaison.kb.content.Entry;
import cn.liaison.kb.content.ForwardRule;
import cn.liaison.kb.content.ForwardRules;
import cn.liaison.kb.content.Synonyms;
import cn.liaison.kb.scenario.Scenarios;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An immutable, in-memory index over a list of entries and the forward rules. Build a new one when
 * content changes and swap it in ({@link LiveIndex}); searching is thread-safe.
 */
public final class KbIndex implements Closeable {
    public static final int MAX_HITS = 5;
    public static final int MAX_SUGGESTIONS = 3;

    private final IndexData data;
    private final Ranker ranker;

    private KbIndex(IndexData data) {
        this.data = data;
        this.ranker = new Ranker(data);
    }

    /**
     * Keeps the vectors of indexed texts in {@code dir} between runs, so that an index built after a
     * restart embeds only texts it has not seen (a service passes its data directory).
     */
    public static void keepVectorsIn(java.nio.file.Path dir) {
        VectorCache.keepIn(dir);
    }

    /** How many indexed texts the model has embedded in this JVM (the rest came from the kept vectors). */
    public static long textsEmbedded() {
        return VectorCache.embedded();
    }

    public static KbIndex build(Content content, RetrievalConfig config) {
        // scenario packages (一件事) are searchable like entries
        return build(Scenarios.searchable(content), content.forward(), content.synonyms(), content.dictionary(), config);
    }

    public static KbIndex build(List<Entry> entries, ForwardRules forward, Synonyms synonyms, List<String> dictionary,
            RetrievalConfig config) {
        return build(entries, forward, synonyms, dictionary, config, Embedder.bgeSmallZh());
    }

    public static KbIndex build(List<Entry> entries, ForwardRules forward, Synonyms synonyms, List<String> dictionary,
            RetrievalConfig config, Embedder embedder) {
        try {
            return new KbIndex(IndexBuilder.build(entries, forward, synonyms, dictionary, config, embedder));
        } catch (IOException e) {
            throw new UncheckedIOException("building an in-memory index failed", e);
        }
    }

    public RetrievalConfig config() {
        return data.config();
    }

    public List<Entry> entries() {
        return data.entries();
    }

    /**
     * Same index data, other weights or thresholds: for tuning without rebuilding. The view shares
     * this index's reader: close only the original.
     */
    public KbIndex withConfig(RetrievalConfig config) {
        return new KbIndex(data.withConfig(config));
    }

    public SearchOutcome search(String question) {
        return search(question, Audience.CHAT);
    }

    /** One question, decided for its audience (the hotline answers only from its stricter threshold). */
    public SearchOutcome search(String question, Audience audience) {
        return search(question, audience, true);
    }

    /** @param useEmbeddings false: lexical only (no model time); scores are lower, so fewer questions are answered */
    public SearchOutcome search(String question, Audience audience, boolean useEmbeddings) {
        List<Ranker.Scored> scored;
        String text = question.isBlank() ? "" : data.normalizer().normalizeQuery(question);
        try {
            scored = text.isBlank() ? List.of() : ranker.score(text, useEmbeddings);
        } catch (IOException e) {
            throw new UncheckedIOException("searching an in-memory index failed", e);
        }
        RetrievalConfig config = data.config();
        List<Hit> hits = new ArrayList<>();
        Ranker.Scored department = null;
        double otherTopic = 0;
        for (Ranker.Scored s : scored) {
            if (data.isDepartment(s.owner())) {
                department = department == null ? s : department;
                continue;
            }
            Entry entry = data.entries().get(s.owner());
            if (!hits.isEmpty() && otherTopic == 0 && Collections.disjoint(entry.topics(), hits.get(0).entry().topics())) {
                otherTopic = s.score();
            }
            if (hits.size() < MAX_HITS) {
                hits.add(new Hit(entry, s.score(), data.variants().get(s.variant()).text()));
            }
        }
        double best = hits.isEmpty() ? 0 : hits.get(0).score();
        // Is this a 人防 matter at all? Not only the nearest entry's score decides: a question with no
        // word only 人防 uses needs a clearer match to be answered, and goes to a department that
        // matches it nearly as well as our best entry.
        boolean anchored = data.anchored(text);
        RetrievalConfig.Thresholds t = config.thresholds();
        double confidence = hits.isEmpty() ? 0
                : Math.max(0, config.confidence(best, otherTopic) - (anchored ? 0 : t.unanchoredPenalty()));
        ForwardRule forward = department != null && department.score() >= t.forward()
                ? data.departments().get(department.owner() - data.entries().size()) : null;
        double lead = anchored ? 0 : t.forwardLead();
        if (forward != null && (department.score() > best || (!anchored && department.score() >= best - lead))) {
            return new SearchOutcome(question, Decision.FORWARDED, confidence, hits, List.of(), forward);
        }
        double answerFrom = audience == Audience.HOTLINE ? t.hotlineAnswer() : config.answerThreshold();
        if (confidence >= answerFrom) {
            return new SearchOutcome(question, Decision.ANSWERED, confidence, hits, List.of(), null);
        }
        List<String> suggestions = confidence < config.suggestThreshold() ? List.of() : hits.stream()
                .filter(hit -> hit.score() >= config.suggestThreshold())
                .limit(MAX_SUGGESTIONS)
                .map(hit -> hit.entry().standardQuestion())
                .toList();
        Decision decision = suggestions.isEmpty() ? Decision.ABSTAINED : Decision.SUGGESTED;
        return new SearchOutcome(question, decision, confidence, hits, suggestions, forward);
    }

    /** The question's vector as the ranker sees it (normalised, spelling forgiven); null without embeddings. */
    public float[] questionVector(String question) {
        String text = data.normalizer().normalizeQuery(question);
        return data.embedder() == null || text.isBlank() ? null : data.embedder().embed(text);
    }

    /** Takes a reference for a search; false when the index is already closed. */
    boolean tryIncRef() {
        return data.reader().tryIncRef();
    }

    void decRef() throws IOException {
        data.reader().decRef();
    }

    @Override
    public void close() throws IOException {
        decRef();
    }
}
