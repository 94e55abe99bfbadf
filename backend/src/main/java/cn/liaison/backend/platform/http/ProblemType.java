package cn.liaison.backend.platform.http;

/** The kinds of problem the API reports, each with its HTTP status and a Chinese title. */
public enum ProblemType {
    MALFORMED_JSON(400, "malformed-json", "请求体不是有效的 JSON"),
    VALIDATION(400, "validation", "请求参数不符合要求"),
    UNAUTHORIZED(401, "unauthorized", "需要登录"),
    FORBIDDEN(403, "forbidden", "没有权限"),
    NOT_FOUND(404, "not-found", "资源不存在"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "不支持该请求方法"),
    CONFLICT(409, "conflict", "与当前状态冲突"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "请求体过大"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "不支持的内容类型"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "请求过于频繁"),
    INTERNAL(500, "internal", "服务器内部错误"),
    UNAVAILABLE(503, "unavailable", "服务暂不可用");

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return "/problems/" + slug;
    }

    /** The type used for a bare HTTP status that carries no more specific meaning. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != VALIDATION) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
