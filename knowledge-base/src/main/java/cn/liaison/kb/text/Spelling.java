package cn.liaison.kb.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Forgives how people type a question, through the pinyin of the domain's own words (HanLP's
 * pinyin dictionary, no hand-written tables): a homophone typo of a domain word becomes the word
 * (人访 → 人防, 防控地下室 → 防空地下室), and pinyin typed in Latin letters becomes the domain word
 * it spells (renfang报建 → 人防报建, yidi jianshe fei → 易地建设费). Only the domain vocabulary is a
 * target, so ordinary words are left alone; a homophone must also keep at least one character of
 * the word, and a two-character word may differ in one character only (保健 is not 报建).
 * Input must already be NFKC-folded and lower case; traditional characters are folded before this.
 */
public final class Spelling {
    private static final int MAX_WORD = 6;
    private static final int MIN_LATIN = 4;

    /** toneless pinyin syllables joined by spaces → the domain words that sound so. */
    private final Map<String, List<String>> byPinyin = new HashMap<>();
    /** toneless pinyin without spaces → the domain word (for Latin input). */
    private final Map<String, String> byLatin = new HashMap<>();
    private final int longestLatin;

    public Spelling(Collection<String> words) {
        int longest = 0;
        for (String word : words) {
            if (word.length() < 2 || word.length() > MAX_WORD || !han(word)) {
                continue;
            }
            List<String> syllables = syllables(word);
            if (syllables == null) {
                continue;
            }
            byPinyin.computeIfAbsent(String.join(" ", syllables), k -> new java.util.ArrayList<>()).add(word);
            String latin = String.join("", syllables);
            byLatin.putIfAbsent(latin, word);
            longest = Math.max(longest, latin.length());
        }
        this.longestLatin = longest;
    }

    public String correct(String text) {
        if (byPinyin.isEmpty() || text.isEmpty()) {
            return text;
        }
        return homophones(latin(text));
    }

    /** Runs of Latin letters (spaces inside allowed) that spell domain words, greedily from the left. */
    private String latin(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (!letter(text.charAt(i))) {
                out.append(text.charAt(i++));
                continue;
            }
            int end = i;
            while (end < text.length() && (letter(text.charAt(end)) || text.charAt(end) == ' ')) {
                end++;
            }
            String run = text.substring(i, end);
            out.append(spell(run.replace(" ", ""), run.strip()));
            if (run.endsWith(" ")) {
                out.append(' ');
            }
            i = end;
        }
        return out.toString();
    }

    private String spell(String letters, String original) {
        if (letters.length() < MIN_LATIN) {
            return original;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        boolean any = false;
        while (i < letters.length()) {
            String word = null;
            int len = Math.min(longestLatin, letters.length() - i);
            for (; len >= MIN_LATIN && word == null; len--) {
                word = byLatin.get(letters.substring(i, i + len));
            }
            if (word == null) {
                return any ? out.append(letters.substring(i)).toString() : original;
            }
            out.append(word);
            i += len + 1;
            any = true;
        }
        return out.toString();
    }

    /** Han substrings that sound like a domain word and keep part of it become the word. */
    private String homophones(String text) {
        List<Pinyin> readings = HanLP.convertToPinyinList(text);
        if (readings.size() != text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            String replacement = null;
            int len = Math.min(MAX_WORD, text.length() - i);
            for (; len >= 2 && replacement == null; len--) {
                replacement = match(text.substring(i, i + len), readings.subList(i, i + len));
            }
            if (replacement == null) {
                out.append(text.charAt(i++));
            } else {
                out.append(replacement);
                i += len + 1;
            }
        }
        return out.toString();
    }

    private String match(String piece, List<Pinyin> readings) {
        StringBuilder key = new StringBuilder();
        for (Pinyin p : readings) {
            if (p == Pinyin.none5) {
                return null;
            }
            key.append(key.length() == 0 ? "" : " ").append(p.getPinyinWithoutTone());
        }
        List<String> words = byPinyin.get(key.toString());
        if (words == null) {
            return null;
        }
        if (words.contains(piece)) {
            return piece;
        }
        // The word keeping most of the typed characters; two equally close words (报建 / 报监 for
        // 报坚) leave the text as typed.
        String best = null;
        int bestSame = 0;
        boolean tie = false;
        for (String word : words) {
            int same = 0;
            for (int c = 0; c < piece.length(); c++) {
                same += piece.charAt(c) == word.charAt(c) ? 1 : 0;
            }
            if (same > bestSame) {
                best = word;
                bestSame = same;
                tie = false;
            } else if (same == bestSame && same > 0) {
                tie = true;
            }
        }
        boolean close = best != null && !tie && (piece.length() > 2 || bestSame == 1);
        return close ? best : null;
    }

    private static List<String> syllables(String word) {
        List<Pinyin> readings = HanLP.convertToPinyinList(word);
        if (readings.size() != word.length()) {
            return null;
        }
        List<String> out = new java.util.ArrayList<>();
        for (Pinyin p : readings) {
            if (p == Pinyin.none5) {
                return null;
            }
            out.add(p.getPinyinWithoutTone());
        }
        return out;
    }

    private static boolean han(String word) {
        return word.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static boolean letter(char c) {
        return c >= 'a' && c <= 'z';
    }
}
