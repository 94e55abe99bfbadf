package cn.liaison.kb.content;

import java.util.List;

/** The rules of {@code synonyms.txt}. */
public record Synonyms(List<SynonymRule> rules) {
    public static final Synonyms NONE = new Synonyms(List.of());

    public Synonyms {
        rules = List.copyOf(rules);
    }
}
