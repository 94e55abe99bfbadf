package cn.liaison.bots.hotline;

import java.util.List;
import java.util.Objects;

/**
 * What the assistant tells the agent for one question.
 *
 * @param answers  best first, at most three
 * @param forward  the department that owns the matter when it is not ours (phone may be null)
 * @param decision what retrieval decided: ANSWERED, SUGGESTED, FORWARDED or ABSTAINED
 * @param followUp the question was read as a follow-up about the call's earlier subject
 * @param aspect   which part of the subject the follow-up asked about (TIME, FEE, ...), or null
 */
public record AssistReply(List<AssistAnswer> answers, Forward forward, String decision, boolean followUp,
                          FollowUps.Aspect aspect) {
    public AssistReply {
        answers = List.copyOf(answers);
        Objects.requireNonNull(decision, "decision");
    }

    /** Another department and its number, when the matter is not ours. */
    public record Forward(String department, String phone) {
        public Forward {
            Objects.requireNonNull(department, "department");
        }
    }
}
