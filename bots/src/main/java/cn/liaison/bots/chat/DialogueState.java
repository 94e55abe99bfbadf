package cn.liaison.bots.chat;

import java.util.Objects;

/**
 * Where a conversation stands; kept by a {@link DialogueStore} with an idle timeout. Losing it only
 * restarts the conversation.
 *
 * @param draft           the request being collected (COLLECTING, CONFIRMING), else null
 * @param ratingRequestId the request offered for rating (RATING), else null
 * @param lastQuestion    the last question asked, so "转人工" can submit it
 */
public record DialogueState(String conversationId, String userId, Phase phase, RequestDraft draft,
                            String ratingRequestId, String lastQuestion, int turns) {

    public enum Phase { IDLE, COLLECTING, CONFIRMING, RATING }

    public DialogueState {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(phase, "phase");
    }

    public static DialogueState start(String conversationId, String userId) {
        return new DialogueState(conversationId, userId, Phase.IDLE, null, null, null, 0);
    }

    DialogueState idle() {
        return new DialogueState(conversationId, userId, Phase.IDLE, null, null, lastQuestion, turns);
    }

    DialogueState collecting(RequestDraft newDraft) {
        return new DialogueState(conversationId, userId, Phase.COLLECTING, newDraft, null, lastQuestion, turns);
    }

    DialogueState confirming(RequestDraft newDraft) {
        return new DialogueState(conversationId, userId, Phase.CONFIRMING, newDraft, null, lastQuestion, turns);
    }

    DialogueState rating(String requestId) {
        return new DialogueState(conversationId, userId, Phase.RATING, null, requestId, lastQuestion, turns);
    }

    DialogueState asked(String question) {
        return new DialogueState(conversationId, userId, phase, draft, ratingRequestId, question, turns);
    }

    DialogueState nextTurn() {
        return new DialogueState(conversationId, userId, phase, draft, ratingRequestId, lastQuestion, turns + 1);
    }
}
