package cn.liaison.backend.platform.auth;

import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place where roles are checked: every operation in the contract declares who may call
 * it in {@code x-roles}, and this handler enforces that before the operation's handler runs.
 *
 * <p>{@code x-roles} is a list of {@link Role} names (any one suffices), or {@code [PUBLIC]} (no
 * sign-in), or {@code [AUTHENTICATED]} (any signed-in user), or the name of a machine caller that
 * proves itself another way (e.g. {@code [PLATFORM_12345]}, a signature), admitted by the
 * {@link CallerGuard} registered under that name. Services keep only object-level scope (this
 * enterprise's request, this unit's tree). A forbidden call is a 403 problem naming the roles.
 */
public final class Authorization {

    public static final String EXTENSION = "x-roles";
    public static final String PUBLIC = "PUBLIC";
    public static final String AUTHENTICATED = "AUTHENTICATED";

    /** A machine caller that proves itself by its own credentials rather than a login token. */
    @FunctionalInterface
    public interface CallerGuard {
        /** Succeeds when the call may proceed; otherwise fails with the problem to answer. */
        Future<Void> admit(RoutingContext rc);
    }

    private final Map<String, CallerGuard> callers;

    /** @param callers machine callers by the name operations use in {@code x-roles} */
    public Authorization(Map<String, CallerGuard> callers) {
        this.callers = Map.copyOf(callers);
    }

    /**
     * The names an operation declares; fails when it declares none or one this service does not
     * know, so a contract without roles cannot start.
     */
    public Set<String> declared(Operation operation) {
        JsonArray names = operation.getOpenAPIModel().getJsonArray(EXTENSION);
        if (names == null || names.isEmpty()) {
            throw new IllegalStateException("operation " + operation.getOperationId() + " declares no " + EXTENSION);
        }
        Set<String> out = new LinkedHashSet<>();
        for (Object name : names) {
            String text = String.valueOf(name);
            if (!known(text)) {
                throw new IllegalStateException("operation " + operation.getOperationId() + ": unknown role " + text);
            }
            out.add(text);
        }
        return out;
    }

    /**
     * Checks at start that every operation of the contract declares its roles. Names are checked
     * for the operations a feature serves ({@link #forOperation}): a machine caller whose feature
     * is not running (a test that starts only some features) has no guard, and no route either.
     */
    public void check(OpenAPIContract contract) {
        contract.operations().forEach(op -> {
            JsonArray names = op.getOpenAPIModel().getJsonArray(EXTENSION);
            if (names == null || names.isEmpty()) {
                throw new IllegalStateException("operation " + op.getOperationId() + " declares no " + EXTENSION);
            }
        });
    }

    /** The handler that admits a call to this operation or answers 401/403. */
    public Handler<RoutingContext> forOperation(Operation operation) {
        Set<String> names = declared(operation);
        if (names.contains(PUBLIC)) {
            return RoutingContext::next;
        }
        for (String name : names) {
            CallerGuard guard = callers.get(name);
            if (guard != null) {
                return rc -> guard.admit(rc).onSuccess(ok -> rc.next()).onFailure(rc::fail);
            }
        }
        if (names.contains(AUTHENTICATED)) {
            return rc -> {
                AuthHandler.principal(rc);
                rc.next();
            };
        }
        Role[] roles = names.stream().map(Role::valueOf).toArray(Role[]::new);
        String needed = Arrays.stream(roles).map(Role::label).collect(Collectors.joining("或"));
        return rc -> {
            if (!AuthHandler.principal(rc).hasAny(roles)) {
                throw ProblemException.of(ProblemType.FORBIDDEN, "此操作需要" + needed + "权限");
            }
            rc.next();
        };
    }

    private boolean known(String name) {
        return PUBLIC.equals(name) || AUTHENTICATED.equals(name) || callers.containsKey(name)
                || EnumSet.allOf(Role.class).stream().anyMatch(r -> r.name().equals(name));
    }

    /** The operations of a raw contract and the roles each declares (for tests and documentation). */
    public static Map<String, List<String>> declaredIn(JsonObject rawContract) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        JsonObject paths = rawContract.getJsonObject("paths", new JsonObject());
        for (String path : paths.fieldNames()) {
            JsonObject ops = paths.getJsonObject(path);
            for (String method : ops.fieldNames()) {
                if (ops.getValue(method) instanceof JsonObject op && op.containsKey("operationId")) {
                    JsonArray roles = op.getJsonArray(EXTENSION, new JsonArray());
                    out.put(op.getString("operationId"), roles.stream().map(String::valueOf).toList());
                }
            }
        }
        return out;
    }
}
