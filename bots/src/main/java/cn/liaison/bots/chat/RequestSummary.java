package cn.liaison.bots.chat;

import java.util.Objects;

/**
 * One of the user's requests as the bot shows it.
 *
 * @param dueAt      the completion deadline (ISO-8601), null before assessment
 * @param awaitsRating responded and not yet rated
 * @param urgeable   still being handled, so the enterprise may urge it (催办)
 */
public record RequestSummary(String id, String number, String status, String statusLabel, String content,
                             String dueAt, boolean awaitsRating, boolean urgeable) {

    /** A summary of a request that cannot be urged (closed, or waiting for the rating). */
    public RequestSummary(String id, String number, String status, String statusLabel, String content, String dueAt,
                          boolean awaitsRating) {
        this(id, number, status, statusLabel, content, dueAt, awaitsRating, false);
    }

    public RequestSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }
}
