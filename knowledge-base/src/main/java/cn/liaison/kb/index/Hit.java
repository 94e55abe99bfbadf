package cn.liaison.kb.index;

import cn.liaison.kb.content.Entry;
import java.util.Objects;

/**
 * One entry found for a question.
 *
 * @param score  the entry's similarity to the question in [0, 1]
 * @param matched the question variant (or title) that matched best
 */
public record Hit(Entry entry, double score, String matched) {
    public Hit {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(matched, "matched");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1]: " + score);
        }
    }
}
