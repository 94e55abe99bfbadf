package cn.liaison.backend.request;

/** A second urge (催办) on the same working day: 429, saying from when the next one counts. */
public final class UrgeTooSoonException extends RuntimeException {

    UrgeTooSoonException(String reason) {
        super(reason, null, false, false);
    }
}
