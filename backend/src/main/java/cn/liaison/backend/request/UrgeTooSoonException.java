package cn.liaison.backend.request;

import cn.liaison.backend.platform.Published;

/** A second urge (催办) on the same working day: 429, saying from when the next one counts. */
@Published
public final class UrgeTooSoonException extends RuntimeException {

    UrgeTooSoonException(String reason) {
        super(reason, null, false, false);
    }
}
