package cn.liaison.kb.content;

import java.util.List;

/**
 * One line of {@code synonyms.txt} in Solr format: {@code a,b,c} (equivalent; {@code right} is
 * empty) or {@code a,b => c} (one-way).
 */
public record SynonymRule(List<String> left, List<String> right) {
    public SynonymRule {
        left = Checks.texts(Checks.nonEmpty(left, "synonym terms"), "synonym terms");
        right = Checks.texts(right, "synonym targets");
        if (right.isEmpty() && left.size() < 2) {
            throw new IllegalArgumentException("an equivalence rule needs at least two terms");
        }
    }

    public boolean oneWay() {
        return !right.isEmpty();
    }
}
