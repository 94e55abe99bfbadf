package cn.liaison.backend.request;

import cn.liaison.backend.platform.Published;

/** A value the domain rejects, naming the field (HTTP 400 with that field in errors[]). */
@Published
public final class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String detail) {
        super(detail, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
