package cn.liaison.backend.platform.http;

import io.vertx.core.Handler;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the contract's validator lets through but an operation cannot use: query parameters it does
 * not declare (a misspelt filter silently ignored would answer a different question), and a body
 * sent to an operation that declares none, unless it is an empty JSON object (some clients always
 * send {@code {}}).
 */
final class OperationInputs implements Handler<RoutingContext> {

    private final Set<String> queryNames;
    private final boolean takesBody;

    OperationInputs(Operation operation) {
        List<Parameter> parameters = operation.getParameters();
        this.queryNames = parameters.stream().filter(p -> p.getIn() == Location.QUERY)
                .map(Parameter::getName).collect(Collectors.toUnmodifiableSet());
        this.takesBody = operation.getRequestBody() != null;
    }

    @Override
    public void handle(RoutingContext rc) {
        List<FieldError> unknown = rc.queryParams().names().stream()
                .filter(name -> !queryNames.contains(name)).sorted()
                .map(name -> new FieldError(name.length() > 80 ? name.substring(0, 80) + "…" : name, "此操作不接受该查询参数"))
                .toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid("请求含有未定义的查询参数", unknown);
        }
        if (!takesBody && rc.body() != null && rc.body().length() > 0 && !isEmptyObject(rc)) {
            throw ProblemException.invalid("此操作不接受请求体", List.of(new FieldError("body", "应为空或 {}")));
        }
        rc.next();
    }

    private static boolean isEmptyObject(RoutingContext rc) {
        try {
            return Json.decodeValue(rc.body().buffer()) instanceof JsonObject o && o.isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
