package cn.liaison.backend.request;

import cn.liaison.bots.domain.RequestType;

/**
 * The result of 研判: what the request is about, where it belongs, and who handles it.
 *
 * @param outcome    what happens next
 * @param unitId     the handling unit (park, district, or null when nobody could be determined)
 * @param liaisonId  set when {@code outcome} is {@link Outcome#ASSIGN}
 * @param department set when {@code outcome} is {@link Outcome#FORWARD}
 * @param reason     a short Chinese explanation recorded in the history
 */
public record Assessment(
        Outcome outcome,
        RequestType type,
        String category,
        String categoryTitle,
        double confidence,
        String district,
        String parkId,
        String unitId,
        String liaisonId,
        String liaisonName,
        String department,
        String reason) {

    public enum Outcome {
        /** Routed to a liaison. */
        ASSIGN,
        /** Another department's matter (函转). */
        FORWARD,
        /** Unclear: a unit head (or the city office) reviews and assigns. */
        REVIEW
    }
}
