package cn.liaison.kb.eval;

/**
 * The measured quality of one variant on a labelled set. Shares are over:
 * {@code top1}, {@code top3}: in-scope questions (topic not null); {@code oosAbstain}: out-of-scope
 * questions; {@code wrongConfident}: all questions.
 *
 * @param top1           answered, and the first result carries the expected topic
 * @param top3           the expected topic is carried by one of the first three results, answered or not
 * @param oosAbstain     out-of-scope questions that were not answered
 * @param wrongConfident answered with a first result lacking the expected topic, or answered out of scope
 * @param answeredShare  in-scope questions answered at all
 */
public record EvalSummary(
        String variant,
        int n,
        int inScope,
        int outOfScope,
        double top1,
        double top3,
        double oosAbstain,
        double wrongConfident,
        double answeredShare,
        double answerThreshold,
        double suggestThreshold) {

    /** Meets the targets of issue 3: top1 ≥ 0.90, top3 ≥ 0.97, oosAbstain ≥ 0.90, wrongConfident ≤ 0.03. */
    public boolean meetsTargets() {
        return top1 >= 0.90 && top3 >= 0.97 && oosAbstain >= 0.90 && wrongConfident <= 0.03;
    }
}
