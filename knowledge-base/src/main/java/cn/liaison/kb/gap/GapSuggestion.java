package cn.liaison.kb.gap;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One suggestion of the gap loop: questions the knowledge base did not answer, grouped by meaning.
 * With {@code entryId} they are new question variants for that entry (it was close); without, they
 * call for a new entry.
 *
 * @param questions the group's distinct questions, most asked first (the first is its title)
 * @param asked     how often the group's questions were asked in the period
 * @param lowRated  how many of those were answers the asker rated unhelpful (这个回答没帮助)
 */
public record GapSuggestion(String entryId, String entryTitle, List<String> questions, int asked, int lowRated) {
    public GapSuggestion {
        questions = List.copyOf(questions);
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("a suggestion has questions");
        }
        if ((entryId == null) != (entryTitle == null)) {
            throw new IllegalArgumentException("entryId and entryTitle go together");
        }
    }

    public GapSuggestion(String entryId, String entryTitle, List<String> questions, int asked) {
        this(entryId, entryTitle, questions, asked, 0);
    }

    public boolean newEntry() {
        return entryId == null;
    }

    /**
     * A question asked {@code count} times in the period; {@code lowRated} of those were answered with
     * an entry the asker rated unhelpful, and {@code rejected} names those entries, so the question is
     * never suggested as a variant of the entry that answered it badly.
     */
    public record Asked(String question, int count, int lowRated, Set<String> rejected) {
        public Asked {
            Objects.requireNonNull(question, "question");
            rejected = Set.copyOf(rejected);
            if (lowRated < 0 || lowRated > count) {
                throw new IllegalArgumentException("lowRated must be within [0, count]");
            }
        }

        public Asked(String question, int count) {
            this(question, count, 0, Set.of());
        }
    }
}
