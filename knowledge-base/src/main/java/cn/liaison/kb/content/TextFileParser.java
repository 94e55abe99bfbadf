package cn.liaison.kb.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the line-based files: {@code synonyms.txt} (Solr format) and {@code dictionary.txt}. */
final class TextFileParser {
    private TextFileParser() {
    }

    static Synonyms synonyms(String file, List<String> lines, Problems problems) {
        List<SynonymRule> rules = new ArrayList<>();
        Map<String, Integer> sourceLines = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] sides = line.split("=>", -1);
            if (sides.length > 2) {
                problems.add(file, lineNo, "一条同义词规则最多只能有一个 '=>'");
                continue;
            }
            List<String> left = terms(sides[0]);
            List<String> right = sides.length == 2 ? terms(sides[1]) : List.of();
            if (left.contains("") || right.contains("") || (sides.length == 2 && right.isEmpty())) {
                problems.add(file, lineNo, "同义词为空");
                continue;
            }
            if (sides.length == 1 && left.size() < 2) {
                problems.add(file, lineNo, "等价规则至少需要两个用逗号分隔的词");
                continue;
            }
            boolean conflict = false;
            for (String term : left) {
                Integer first = sourceLines.putIfAbsent(term, lineNo);
                if (first != null) {
                    problems.add(file, lineNo, "词 '" + term + "' 已在第 " + first + " 行有规则");
                    conflict = true;
                }
            }
            if (!conflict) {
                rules.add(new SynonymRule(left, right));
            }
        }
        return new Synonyms(rules);
    }

    private static List<String> terms(String side) {
        if (side.isBlank()) {
            return List.of();
        }
        return Arrays.stream(side.split(",", -1)).map(String::strip).toList();
    }

    static List<String> dictionary(String file, List<String> lines, Problems problems) {
        List<String> words = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String word = lines.get(i).strip();
            if (word.isEmpty() || word.startsWith("#")) {
                continue;
            }
            if (word.chars().anyMatch(Character::isWhitespace)) {
                problems.add(file, i + 1, "每行一个词，不含空格：'" + word + "'");
            } else if (seen.add(word)) {
                words.add(word);
            }
        }
        return words;
    }
}
