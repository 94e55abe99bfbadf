package cn.liaison.bots.hotline;

import java.util.Objects;

/**
 * What one call was about so far: the entry the last answer was built on, so that "那要多久？"
 * means that entry's time limit.
 *
 * @param entryId      the entry of the last confident first answer; null when none yet
 * @param lastQuestion the caller's last question as the agent typed it
 * @param confidence   retrieval's confidence in that entry when it was answered
 * @param turns        how many questions were asked on this call
 */
public record CallContext(String entryId, double confidence, String lastQuestion, int turns) {
    public CallContext {
        Objects.requireNonNull(lastQuestion, "lastQuestion");
        if (turns < 1) {
            throw new IllegalArgumentException("turns must be at least 1");
        }
    }
}
