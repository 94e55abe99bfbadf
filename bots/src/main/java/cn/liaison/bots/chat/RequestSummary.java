package cn.liaison.bots.chat;

import java.util.Objects;

/**
 * One of the user's requests as the bot shows it.
 *
 * @param dueAt      the completion deadline (ISO-8601), null before assessment
 * @param awaitsRating responded and not yet rated
 */
public record RequestSummary(String id, String number, String status, String statusLabel, String content,
                             String dueAt, boolean awaitsRating) {

    public RequestSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }
}
