package cn.liaison.kb.content;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One knowledge-base entry. {@code questions.get(0)} is the standard question; the rest are
 * differently-worded variants. {@code item} is present exactly when the kind is {@link Kind#ITEM}.
 */
public record Entry(
        String id,
        Kind kind,
        String title,
        List<String> questions,
        String answer,
        List<String> topics,
        String region,
        Effective effective,
        List<Source> sources,
        ServiceItem item) {

    public static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Entry {
        Checks.text(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must match [a-z0-9-]+: " + id);
        }
        Objects.requireNonNull(kind, "kind");
        Checks.text(title, "title");
        questions = Checks.texts(Checks.nonEmpty(questions, "questions"), "questions");
        Checks.text(answer, "answer");
        topics = Checks.texts(Checks.nonEmpty(topics, "topics"), "topics");
        Checks.text(region, "region");
        Objects.requireNonNull(effective, "effective");
        sources = Checks.nonEmpty(sources, "sources");
        if ((kind == Kind.ITEM) != (item != null)) {
            throw new IllegalArgumentException("structured item fields are required for, and only for, kind item");
        }
    }

    /** The standard question. */
    public String standardQuestion() {
        return questions.get(0);
    }
}
