package cn.liaison.kb.text;

import cn.liaison.kb.content.SynonymRule;
import cn.liaison.kb.content.Synonyms;
import com.hankcs.hanlp.HanLP;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Brings text to one canonical form before any analyser sees it, at index and at query time:
 * NFKC (full-width to half-width), lower case, traditional to simplified characters, and the
 * synonym rules of {@code synonyms.txt} applied as longest-match replacements (each term of an
 * equivalence rule becomes the rule's first term; a one-way rule's left terms become its right
 * terms). Working on text rather than tokens lets the same synonyms serve every segmenter and the
 * embedding model.
 */
public final class TextNormalizer {
    /** Replacements may chain (人民防空费 → 人防费 → 易地建设费); cycles stop after this many passes. */
    private static final int MAX_PASSES = 3;

    private final Map<String, String> replacements = new HashMap<>();
    private final int longest;
    private final Spelling spelling;

    public TextNormalizer(Synonyms synonyms) {
        this(synonyms, java.util.List.of());
    }

    /**
     * @param vocabulary the domain's words (dictionary, synonym terms, departments' keywords): the
     *                   targets {@link #normalizeQuery} corrects typos and pinyin towards
     */
    public TextNormalizer(Synonyms synonyms, java.util.Collection<String> vocabulary) {
        int max = 0;
        for (SynonymRule rule : synonyms.rules()) {
            String target = rule.oneWay() ? String.join(" ", rule.right()) : rule.left().get(0);
            for (String term : rule.left()) {
                String key = basic(term);
                if (!key.equals(basic(target))) {
                    replacements.putIfAbsent(key, basic(target));
                    max = Math.max(max, key.length());
                }
            }
        }
        this.longest = max;
        java.util.Set<String> words = new java.util.LinkedHashSet<>();
        vocabulary.forEach(word -> words.add(basic(word)));
        synonyms.rules().forEach(rule -> {
            rule.left().forEach(term -> words.add(basic(term)));
            rule.right().forEach(term -> words.add(basic(term)));
        });
        this.spelling = new Spelling(vocabulary.isEmpty() ? java.util.List.of() : words);
    }

    /** A user's question: {@link #normalize}, with typos and pinyin of domain words forgiven first. */
    public String normalizeQuery(String text) {
        return synonyms(spelling.correct(basic(text)));
    }

    public String normalize(String text) {
        return synonyms(basic(text));
    }

    private String synonyms(String text) {
        String current = text;
        for (int pass = 0; pass < MAX_PASSES && longest > 0; pass++) {
            String next = replace(current);
            if (next.equals(current)) {
                break;
            }
            current = next;
        }
        return current;
    }

    private String replace(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        int i = 0;
        while (i < text.length()) {
            String match = null;
            for (int len = Math.min(longest, text.length() - i); len > 0 && match == null; len--) {
                String target = replacements.get(text.substring(i, i + len));
                if (target != null) {
                    match = target;
                    i += len;
                }
            }
            if (match == null) {
                out.append(text.charAt(i++));
            } else {
                out.append(match);
            }
        }
        return out.toString();
    }

    private static String basic(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
        return HanLP.convertToSimplifiedChinese(nfkc);
    }
}
