package cn.liaison.kb.gap;

import java.util.List;
import java.util.Objects;

/**
 * One suggestion of the gap loop: questions the knowledge base did not answer, grouped by meaning.
 * With {@code entryId} they are new question variants for that entry (it was close); without, they
 * call for a new entry.
 *
 * @param questions the group's distinct questions, most asked first (the first is its title)
 * @param asked     how often the group's questions were asked in the period
 */
public record GapSuggestion(String entryId, String entryTitle, List<String> questions, int asked) {
    public GapSuggestion {
        questions = List.copyOf(questions);
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("a suggestion has questions");
        }
        if ((entryId == null) != (entryTitle == null)) {
            throw new IllegalArgumentException("entryId and entryTitle go together");
        }
    }

    public boolean newEntry() {
        return entryId == null;
    }

    /** A question asked {@code count} times in the period. */
    public record Asked(String question, int count) {
        public Asked {
            Objects.requireNonNull(question, "question");
        }
    }
}
