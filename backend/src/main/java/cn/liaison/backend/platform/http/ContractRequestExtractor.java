package cn.liaison.backend.platform.http;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestUtils;
import io.vertx.openapi.validation.ValidatableRequest;
import java.util.Locale;

/**
 * Hands the request to the contract validator, after one check the validator would report as a
 * generic 400: a body whose content type the operation does not accept is a 415.
 */
final class ContractRequestExtractor implements RequestExtractor {

    private final RequestExtractor delegate = RequestExtractor.withBodyHandler();

    @Override
    public Future<ValidatableRequest> extractValidatableRequest(RoutingContext rc, Operation operation) {
        if (StreamedBody.streamed(rc)) {
            // the operation reads the body itself; the validator checks its parameters only
            return RequestUtils.extract(rc.request(), operation, () -> Future.succeededFuture(null));
        }
        boolean hasBody = rc.body() != null && rc.body().length() > 0;
        if (hasBody && operation.getRequestBody() != null) {
            String contentType = rc.request().getHeader("Content-Type");
            String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
            boolean accepted = operation.getRequestBody().getContent().keySet().stream()
                    .anyMatch(type -> type.equalsIgnoreCase(mediaType));
            if (!accepted) {
                return Future.failedFuture(ProblemException.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "内容类型 " + (mediaType.isEmpty() ? "（未提供）" : mediaType) + " 不受支持，请使用 "
                                + String.join(" 或 ", operation.getRequestBody().getContent().keySet())));
            }
        }
        return delegate.extractValidatableRequest(rc, operation);
    }
}
