package cn.liaison.kb.index;

/**
 * Who receives the answer. The hotline reads answers aloud to a caller, where a wrong answer
 * cannot be taken back, so it answers only from a stricter confidence (see {@link RetrievalConfig.Thresholds}).
 */
public enum Audience {
    /** The mini-program chat and the web: the answer is shown with its sources. */
    CHAT,
    /** The 12345 hotline assistant: the answer is read out to a caller. */
    HOTLINE
}
