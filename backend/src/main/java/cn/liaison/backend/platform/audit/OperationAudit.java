package cn.liaison.backend.platform.audit;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.Operation;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Records an operation that declares {@code x-audit: ACTION} in the contract once its answer is
 * sent: successes always; for {@code LOGIN}, refusals too (as {@code LOGIN_FAILED}, with the user
 * name that was tried — never the password, nor a sign-in's query with its one-time code). The target is what the handler left under
 * {@link AuditSink#TARGET}, else the path parameters.
 */
public final class OperationAudit {

    public static final String EXTENSION = "x-audit";

    private OperationAudit() {
    }

    /**
     * What to do first on each call of {@code operation} (watch for its end), or null when it
     * declares no audit action.
     */
    public static Consumer<RoutingContext> watcher(Operation operation, AuditSink sink, Clock clock) {
        Object declared = operation.getExtensions().get(EXTENSION);
        if (declared == null) {
            return null;
        }
        AuditAction action = AuditAction.valueOf(declared.toString());
        return rc -> watch(rc, sink, action, clock);
    }

    /** Records {@code action} when this call ends (raw routes, which the contract does not describe, call it). */
    public static void watch(RoutingContext rc, AuditSink sink, AuditAction action, Clock clock) {
        rc.addEndHandler(done -> {
                int status = rc.response().getStatusCode();
                String location = rc.response().headers().get("Location");
                // a browser sign-in (WeCom) ends in a redirect to the page, with error= when refused
                boolean redirectRefused = status == 302 && location != null && location.contains("error=");
                boolean ok = status >= 200 && status < 300 || status == 302 && !redirectRefused;
                boolean failedLogin = action == AuditAction.LOGIN && (status == 401 || status == 403 || status == 423
                        || status == 429 || redirectRefused);
                ok = ok && !failedLogin;
                if (ok || failedLogin) {
                    sink.record(AuditSink.of(rc, failedLogin ? AuditAction.LOGIN_FAILED : action, target(rc),
                            action == AuditAction.LOGIN ? null : detail(rc), triedName(rc), clock));
                }
            });
    }

    /** A raw route's step: watch, then go on. */
    public static io.vertx.core.Handler<RoutingContext> step(AuditSink sink, AuditAction action, Clock clock) {
        return rc -> {
            watch(rc, sink, action, clock);
            rc.next();
        };
    }

    private static String target(RoutingContext rc) {
        String left = rc.get(AuditSink.TARGET);
        if (left != null) {
            return left;
        }
        Map<String, String> params = rc.pathParams();
        return params.isEmpty() ? null : params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .sorted().collect(Collectors.joining(", "));
    }

    private static String detail(RoutingContext rc) {
        String query = rc.request().query();
        return query == null || query.isEmpty() ? null : query.length() > 300 ? query.substring(0, 300) : query;
    }

    private static String triedName(RoutingContext rc) {
        try {
            JsonObject body = rc.body() == null ? null : rc.body().asJsonObject();
            String name = body == null ? null : body.getString("username");
            return name == null ? null : name.length() > 64 ? name.substring(0, 64) : name;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
