package cn.liaison.kb.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects content errors while loading, so that every problem is reported at once. */
final class Problems {
    private final List<ContentError> errors = new ArrayList<>();

    void add(String file, int line, String reason) {
        errors.add(new ContentError(file, line, reason));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    int size() {
        return errors.size();
    }

    List<ContentError> sorted() {
        return errors.stream()
                .sorted(Comparator.comparing(ContentError::file).thenComparingInt(ContentError::line))
                .toList();
    }
}
