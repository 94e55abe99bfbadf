package cn.liaison.backend.platform.http;

import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.ValidatorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place failures become responses: every error leaves as {@code application/problem+json}.
 * Unexpected failures are logged with the request id and answered with a 500 that carries the id
 * and nothing internal.
 */
public final class FailureHandler implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

    private final long bodyLimitBytes;

    public FailureHandler(long bodyLimitBytes) {
        this.bodyLimitBytes = bodyLimitBytes;
    }

    @Override
    public void handle(RoutingContext rc) {
        Problem problem = toProblem(rc.failure(), rc.statusCode());
        if (problem.status() >= 500) {
            LOG.error("{} {} failed [requestId={}]", rc.request().method(), rc.request().path(), RequestIds.of(rc),
                    rc.failure());
        }
        send(rc, problem);
    }

    public static void send(RoutingContext rc, Problem problem) {
        if (rc.response().headWritten()) {
            rc.response().reset();
            return;
        }
        if (problem.status() == 503) {
            rc.response().putHeader("Retry-After", "5");
        }
        rc.response()
                .setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.CONTENT_TYPE + "; charset=utf-8")
                .end(problem.toJson(RequestIds.of(rc)).encode());
    }

    Problem toProblem(Throwable failure, int status) {
        if (failure instanceof ProblemException pe) {
            return pe.problem();
        }
        if (failure instanceof HttpException he) {
            if (he.getCause() instanceof ValidatorException ve) {
                return ValidationProblems.from(ve);
            }
            return forStatus(he.getStatusCode());
        }
        if (failure instanceof ValidatorException ve) {
            return ValidationProblems.from(ve);
        }
        if (failure instanceof DecodeException) {
            return Problem.of(ProblemType.MALFORMED_JSON, "请求体无法解析为 JSON");
        }
        if (failure == null && status >= 400) {
            return forStatus(status);
        }
        if (StoreOutage.is(failure)) {
            return Problem.of(ProblemType.UNAVAILABLE, "数据服务暂时不可用，请稍后重试");
        }
        return Problem.of(ProblemType.INTERNAL, "处理请求时发生意外错误，请稍后重试；如需反馈请提供 requestId");
    }

    Problem forStatus(int status) {
        return switch (status) {
            case 400 -> Problem.of(ProblemType.VALIDATION, "请求格式不正确");
            case 401 -> Problem.of(ProblemType.UNAUTHORIZED, "请先登录");
            case 403 -> Problem.of(ProblemType.FORBIDDEN, "当前账号无权执行此操作");
            case 404 -> Problem.of(ProblemType.NOT_FOUND, "请求的地址不存在");
            case 405 -> Problem.of(ProblemType.METHOD_NOT_ALLOWED, "该地址不支持此请求方法");
            case 413 -> Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "请求体超过 " + bodyLimitBytes + " 字节的上限");
            case 415 -> Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "请使用 application/json 提交请求体");
            case 503 -> Problem.of(ProblemType.UNAVAILABLE, "服务暂不可用，请稍后重试");
            default -> status >= 400 && status < 500
                    ? new Problem(ProblemType.VALIDATION.uri(), "请求无法处理", status, "请求无法处理", null)
                    : Problem.of(ProblemType.INTERNAL, "处理请求时发生意外错误，请稍后重试；如需反馈请提供 requestId");
        };
    }
}
