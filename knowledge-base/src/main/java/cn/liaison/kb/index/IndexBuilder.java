package cn.liaison.kb.index;

import cn.liaison.kb.answer.AnswerComposer;
import cn.liaison.kb.content.Entry;
import cn.liaison.kb.content.Kind;
import cn.liaison.kb.content.ForwardRule;
import cn.liaison.kb.content.ForwardRules;
import cn.liaison.kb.content.Synonyms;
import cn.liaison.kb.text.TextNormalizer;
import cn.liaison.kb.text.Tokens;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;

/** Builds the immutable {@link IndexData} from entries and forward rules. */
final class IndexBuilder {
    private final RetrievalConfig config;
    private final TextNormalizer normalizer;
    private final List<Analyzer> analyzers;
    private final List<Variant> variants = new ArrayList<>();

    private IndexBuilder(RetrievalConfig config, Synonyms synonyms, List<String> dictionary, ForwardRules forward) {
        this.config = config;
        List<String> vocabulary = new ArrayList<>(dictionary);
        forward.departments().forEach(d -> d.keywords().stream().filter(k -> k.length() >= 3).forEach(vocabulary::add));
        this.normalizer = new TextNormalizer(synonyms, vocabulary);
        List<String> words = dictionary.stream().map(normalizer::normalize).filter(w -> !w.isBlank()).toList();
        this.analyzers = config.analyzers().stream().map(kind -> kind.create(words)).toList();
    }

    static IndexData build(List<Entry> entries, ForwardRules forward, Synonyms synonyms, List<String> dictionary,
            RetrievalConfig config, Embedder embedder) throws IOException {
        IndexBuilder builder = new IndexBuilder(config, synonyms, dictionary, forward);
        IndexData data = builder.run(entries, forward.departments(), embedder);
        return data.withAnchors(forward.anchors().stream().map(builder.normalizer::normalize)
                .filter(a -> !a.isBlank()).distinct().toList());
    }

    private IndexData run(List<Entry> entries, List<ForwardRule> departments, Embedder embedder) throws IOException {
        int owners = entries.size() + departments.size();
        List<List<String>> texts = new ArrayList<>();
        for (Entry entry : entries) {
            List<String> own = new ArrayList<>(entry.questions());
            own.add(entry.title());
            texts.add(own);
        }
        for (ForwardRule department : departments) {
            List<String> own = new ArrayList<>(department.matters());
            own.addAll(department.keywords());
            own.addAll(department.examples());
            own.add(department.department());
            texts.add(own);
        }
        int[][] ownerVariants = new int[owners][];
        for (int owner = 0; owner < owners; owner++) {
            Set<String> distinct = new LinkedHashSet<>();
            texts.get(owner).forEach(text -> distinct.add(normalizer.normalize(text)));
            int current = owner;
            ownerVariants[owner] = distinct.stream().mapToInt(text -> add(current, false, text)).toArray();
        }
        int[] ownerBody = new int[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            // A scenario's answer is its package, which repeats its items' own text; matching on it would
            // make the package compete with every item it bundles. It is found by what it is about.
            String body = entry.kind() == Kind.SCENARIO
                    ? entry.title() + "\n" + String.join("\n", entry.questions())
                    : entry.title() + "\n" + AnswerComposer.compose(entry);
            ownerBody[i] = add(i, true, normalizer.normalize(body));
        }
        List<TermStats> stats = termStats();
        List<Variant> weighted = variants.stream().map(v -> withWeights(v, stats)).toList();
        float[][] vectors = embed(weighted, embedder);
        float[][] centroids = config.embeddings() ? centroids(ownerVariants, vectors) : null;
        float[][] bodyVectors = config.embeddings()
                ? VectorCache.embedAll(embedder, IntStream.of(ownerBody).mapToObj(v -> weighted.get(v).text()).toList())
                        .toArray(float[][]::new)
                : null;
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        writeIndex(directory, weighted, vectors);
        DirectoryReader reader = DirectoryReader.open(directory);
        int[] docVariant = docVariants(reader);
        int[] variantDoc = new int[weighted.size()];
        for (int doc = 0; doc < docVariant.length; doc++) {
            variantDoc[docVariant[doc]] = doc;
        }
        return new IndexData(config, List.copyOf(entries), List.copyOf(departments), normalizer, analyzers,
                config.embeddings() ? embedder : null, reader, weighted, docVariant, variantDoc, ownerVariants,
                ownerBody, stats, centroids, bodyVectors, departments.stream()
                        .map(d -> d.keywords().stream().map(normalizer::normalize).filter(k -> k.length() >= 2).toList())
                        .toList(), List.of());
    }

    private int add(int owner, boolean body, String text) {
        String[][] tokens = new String[analyzers.size()][];
        for (int a = 0; a < analyzers.size(); a++) {
            tokens[a] = new LinkedHashSet<>(Tokens.of(analyzers.get(a), IndexData.termField(a), text))
                    .toArray(String[]::new);
        }
        variants.add(new Variant(owner, body, text, tokens, new double[analyzers.size()]));
        return variants.size() - 1;
    }

    private List<TermStats> termStats() {
        List<TermStats> stats = new ArrayList<>();
        for (int a = 0; a < analyzers.size(); a++) {
            Map<String, Integer> df = new HashMap<>();
            int documents = 0;
            for (Variant variant : variants) {
                if (!variant.body()) {
                    documents++;
                    for (String token : variant.tokens()[a]) {
                        df.merge(token, 1, Integer::sum);
                    }
                }
            }
            stats.add(new TermStats(df, documents));
        }
        return stats;
    }

    private static Variant withWeights(Variant variant, List<TermStats> stats) {
        double[] weights = new double[stats.size()];
        for (int a = 0; a < weights.length; a++) {
            weights[a] = stats.get(a).weight(variant.tokens()[a]);
        }
        return new Variant(variant.owner(), variant.body(), variant.text(), variant.tokens(), weights);
    }

    private float[][] embed(List<Variant> all, Embedder embedder) {
        float[][] vectors = new float[all.size()][];
        if (config.embeddings()) {
            int[] questions = IntStream.range(0, all.size()).filter(i -> !all.get(i).body()).toArray();
            List<float[]> embedded = VectorCache.embedAll(embedder, IntStream.of(questions).mapToObj(i -> all.get(i).text()).toList());
            for (int i = 0; i < questions.length; i++) {
                vectors[questions[i]] = embedded.get(i);
            }
        }
        return vectors;
    }

    private static float[][] centroids(int[][] ownerVariants, float[][] vectors) {
        float[][] centroids = new float[ownerVariants.length][];
        for (int owner = 0; owner < ownerVariants.length; owner++) {
            float[] sum = null;
            for (int v : ownerVariants[owner]) {
                if (sum == null) {
                    sum = new float[vectors[v].length];
                }
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += vectors[v][i];
                }
            }
            double norm = Math.sqrt(IndexData.dot(sum, sum));
            for (int i = 0; i < sum.length; i++) {
                sum[i] = (float) (sum[i] / norm);
            }
            centroids[owner] = sum;
        }
        return centroids;
    }

    private void writeIndex(ByteBuffersDirectory directory, List<Variant> all, float[][] vectors) throws IOException {
        Map<String, Analyzer> perField = new HashMap<>();
        for (int a = 0; a < analyzers.size(); a++) {
            perField.put(IndexData.termField(a), analyzers.get(a));
            perField.put(IndexData.bodyField(a), analyzers.get(a));
        }
        IndexWriterConfig writerConfig = new IndexWriterConfig(new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), perField));
        writerConfig.setRAMBufferSizeMB(64);
        try (IndexWriter writer = new IndexWriter(directory, writerConfig)) {
            for (int v = 0; v < all.size(); v++) {
                Variant variant = all.get(v);
                Document doc = new Document();
                doc.add(new NumericDocValuesField(IndexData.VARIANT, v));
                for (int a = 0; a < analyzers.size(); a++) {
                    String field = variant.body() ? IndexData.bodyField(a) : IndexData.termField(a);
                    doc.add(new TextField(field, variant.text(), Field.Store.NO));
                }
                if (vectors[v] != null) {
                    doc.add(new KnnFloatVectorField(IndexData.VECTOR, vectors[v], VectorSimilarityFunction.DOT_PRODUCT));
                }
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
            writer.commit();
        }
    }

    private static int[] docVariants(DirectoryReader reader) throws IOException {
        int[] docVariant = new int[reader.maxDoc()];
        if (reader.leaves().size() > 1) {
            throw new IllegalStateException("expected one segment after forceMerge(1)");
        }
        for (var context : reader.leaves()) {
            LeafReader leaf = context.reader();
            NumericDocValues values = leaf.getNumericDocValues(IndexData.VARIANT);
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                docVariant[context.docBase + doc] = (int) values.longValue();
            }
        }
        return docVariant;
    }
}
