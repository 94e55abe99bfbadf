package cn.liaison.bots.hotline12345;

/** 回访结果: whether the caller was satisfied with the result, and what they said. */
public record FollowUpResult(boolean satisfied, String comment) {
}
