package cn.liaison.kb.text;

import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** The Chinese analysers compared on the dev set. */
public enum AnalyzerKind {
    /** Lucene's SmartChineseAnalyzer (HMM segmenter, no user dictionary). */
    SMARTCN,
    /** HanLP's Viterbi segmenter with the domain dictionary ({@code dictionary.txt}). */
    HANLP,
    /** Overlapping character bigrams (CJKBigramFilter): no dictionary, tolerant of typos. */
    BIGRAM;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AnalyzerKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }

    /** A new analyser; {@code dictionary} is used by {@link #HANLP} only. */
    public Analyzer create(List<String> dictionary) {
        return switch (this) {
            case SMARTCN -> new SmartChineseAnalyzer();
            case HANLP -> hanLp(dictionary);
            case BIGRAM -> bigram();
        };
    }

    private static Analyzer hanLp(List<String> dictionary) {
        // A per-analyser dictionary: HanLP's static CustomDictionary would leak words between indexes.
        DynamicCustomDictionary custom = new DynamicCustomDictionary();
        dictionary.forEach(word -> custom.insert(word, "nz 1024"));
        Segment segment = new ViterbiSegment()
                .enableCustomDictionary(custom)
                .enableOffset(true)
                .enablePartOfSpeechTagging(false);
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return new TokenStreamComponents(new HanLpTokenizer(segment));
            }
        };
    }

    private static Analyzer bigram() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new CJKBigramFilter(new LowerCaseFilter(source));
                return new TokenStreamComponents(source, stream);
            }
        };
    }
}
