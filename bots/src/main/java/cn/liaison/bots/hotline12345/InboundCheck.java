package cn.liaison.bots.hotline12345;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Checks an inbound call from the platform before anything is read from its body: the timestamp
 * must be within the window of now (both ways, for clock skew) and the signature must match.
 * Replays inside the window are caught by the caller, who remembers signatures for the window.
 */
public final class InboundCheck {

    /** Why a call was refused; the HTTP edge turns each into a 401 problem. */
    public enum Failure {
        MISSING_HEADERS("缺少 X-Timestamp 或 X-Signature 请求头"),
        BAD_TIMESTAMP("X-Timestamp 应为 Unix 秒数"),
        STALE("请求时间戳超出允许的时间窗口，请校准时钟后重新签名发送"),
        BAD_SIGNATURE("签名校验失败");

        private final String detail;

        Failure(String detail) {
            this.detail = detail;
        }

        public String detail() {
            return detail;
        }
    }

    private final Signature signature;
    private final Duration window;

    public InboundCheck(Signature signature, Duration window) {
        this.signature = Objects.requireNonNull(signature, "signature");
        this.window = Objects.requireNonNull(window, "window");
    }

    /** Null when the call is genuine and fresh; otherwise why not. */
    public Failure check(String timestamp, String sig, byte[] body, Instant now) {
        if (timestamp == null || sig == null || timestamp.isBlank() || sig.isBlank()) {
            return Failure.MISSING_HEADERS;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Failure.BAD_TIMESTAMP;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > window.toSeconds()) {
            return Failure.STALE;
        }
        return signature.matches(timestamp.strip(), body, sig.strip()) ? null : Failure.BAD_SIGNATURE;
    }

    public Duration window() {
        return window;
    }
}
