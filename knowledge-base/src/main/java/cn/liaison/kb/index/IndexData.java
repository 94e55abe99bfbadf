package cn.liaison.kb.index;

import cn.liaison.kb.content.Entry;
import cn.liaison.kb.content.ForwardRule;
import cn.liaison.kb.text.TextNormalizer;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;

/**
 * The immutable state of one built index. Lucene finds candidates; the in-memory arrays let the
 * ranker score every variant of a candidate exactly.
 *
 * @param docVariant    Lucene doc id to variant ordinal
 * @param variantDoc    variant ordinal to Lucene doc id
 * @param ownerVariants owner ordinal to its question / title / forward variants (no bodies)
 * @param ownerBody     entry ordinal to its body variant ordinal
 * @param ownerCentroid owner ordinal to the normalised mean of its variants' vectors (null without embeddings)
 * @param bodyVectors   entry ordinal to its answer text's vector (null without embeddings)
 * @param departmentKeywords per department, its normalised keywords (two characters or more)
 * @param anchors       normalised words only a 人防 matter uses (see {@code ForwardRules})
 */
record IndexData(
        RetrievalConfig config,
        List<Entry> entries,
        List<ForwardRule> departments,
        TextNormalizer normalizer,
        List<Analyzer> analyzers,
        Embedder embedder,
        DirectoryReader reader,
        List<Variant> variants,
        int[] docVariant,
        int[] variantDoc,
        int[][] ownerVariants,
        int[] ownerBody,
        List<TermStats> stats,
        float[][] ownerCentroid,
        float[][] bodyVectors,
        List<List<String>> departmentKeywords,
        List<String> anchors) {

    static String termField(int analyzer) {
        return "t" + analyzer;
    }

    static String bodyField(int analyzer) {
        return "b" + analyzer;
    }

    static final String VECTOR = "vec";
    static final String VARIANT = "variant";

    IndexData withConfig(RetrievalConfig next) {
        return new IndexData(next, entries, departments, normalizer, analyzers, embedder, reader, variants, docVariant,
                variantDoc, ownerVariants, ownerBody, stats, ownerCentroid, bodyVectors, departmentKeywords, anchors);
    }

    IndexData withAnchors(List<String> next) {
        return new IndexData(config, entries, departments, normalizer, analyzers, embedder, reader, variants, docVariant,
                variantDoc, ownerVariants, ownerBody, stats, ownerCentroid, bodyVectors, departmentKeywords, next);
    }

    /** Whether normalised text carries a word only a 人防 matter uses; true when no anchors are declared. */
    boolean anchored(String normalized) {
        return anchors.isEmpty() || anchors.stream().anyMatch(normalized::contains);
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    boolean isDepartment(int owner) {
        return owner >= entries.size();
    }
}
