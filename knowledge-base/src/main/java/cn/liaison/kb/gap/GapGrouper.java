package cn.liaison.kb.gap;

import cn.liaison.kb.index.Hit;
import cn.liaison.kb.index.KbIndex;
import cn.liaison.kb.index.SearchOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups unanswered questions by meaning (one embedding each; a question joins the first group
 * whose leader it resembles at cosine ≥ {@link #SAME_MEANING}, most asked questions lead), then
 * asks the index with each group's leader: an entry scoring from the suggest threshold takes the
 * group as new question variants, otherwise the group is a suggested new entry. Bounded: at most
 * {@link #MAX_QUESTIONS} questions in, {@link #MAX_VARIANTS} questions per suggestion out.
 */
public final class GapGrouper {
    public static final double SAME_MEANING = 0.82;
    public static final int MAX_QUESTIONS = 500;
    public static final int MAX_VARIANTS = 10;

    private GapGrouper() {
    }

    public static List<GapSuggestion> group(KbIndex index, List<GapSuggestion.Asked> asked) {
        List<GapSuggestion.Asked> sorted = asked.stream()
                .sorted(Comparator.comparingInt(GapSuggestion.Asked::count).reversed())
                .limit(MAX_QUESTIONS)
                .toList();
        List<float[]> leaders = new ArrayList<>();
        List<List<GapSuggestion.Asked>> groups = new ArrayList<>();
        for (GapSuggestion.Asked question : sorted) {
            float[] vector = index.questionVector(question.question());
            int found = -1;
            for (int g = 0; g < leaders.size() && found < 0; g++) {
                found = similar(leaders.get(g), vector, question, groups.get(g).get(0)) ? g : -1;
            }
            if (found < 0) {
                leaders.add(vector);
                groups.add(new ArrayList<>(List.of(question)));
            } else {
                groups.get(found).add(question);
            }
        }
        List<GapSuggestion> out = new ArrayList<>();
        for (List<GapSuggestion.Asked> group : groups) {
            Map<String, Integer> questions = new LinkedHashMap<>();
            group.forEach(q -> questions.merge(q.question(), q.count(), Integer::sum));
            int total = questions.values().stream().mapToInt(Integer::intValue).sum();
            List<String> texts = questions.keySet().stream().limit(MAX_VARIANTS).toList();
            int lowRated = group.stream().mapToInt(GapSuggestion.Asked::lowRated).sum();
            Set<String> rejected = new HashSet<>();
            group.forEach(q -> rejected.addAll(q.rejected()));
            SearchOutcome outcome = index.search(texts.get(0));
            // The closest entry the askers did not reject: a question rated unhelpful on an entry is
            // evidence against that entry, so it never becomes one of its variants.
            Hit best = outcome.forward() != null ? null : outcome.hits().stream()
                    .filter(hit -> !rejected.contains(hit.entry().id()))
                    .findFirst()
                    .filter(hit -> hit.score() >= index.config().suggestThreshold())
                    .orElse(null);
            out.add(best == null ? new GapSuggestion(null, null, texts, total, lowRated)
                    : new GapSuggestion(best.entry().id(), best.entry().title(), texts, total, lowRated));
        }
        out.sort(Comparator.comparingInt(GapSuggestion::asked).reversed());
        return out;
    }

    private static boolean similar(float[] leader, float[] vector, GapSuggestion.Asked question,
            GapSuggestion.Asked leaderQuestion) {
        if (leader == null || vector == null) {
            return leaderQuestion.question().equals(question.question());
        }
        double dot = 0;
        for (int i = 0; i < leader.length; i++) {
            dot += leader[i] * vector[i];
        }
        return dot >= SAME_MEANING;
    }
}
