package cn.liaison.backend.audit;

import cn.liaison.backend.platform.audit.AuditAction;
import cn.liaison.backend.platform.http.Routes;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import cn.liaison.backend.platform.http.FieldError;
import cn.liaison.backend.platform.http.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * <pre>
 *   GET /api/v1/audit   listAuditLog   city admins: newest first, filtered by action, person, dates; cursor pages
 * </pre>
 */
final class AuditRoutes implements Routes {

    private static final int DEFAULT_LIMIT = 50;

    private final AuditLog log;

    AuditRoutes(AuditLog log) {
        this.log = log;
    }

    @Override
    public void register(RouterBuilder builder) {
        builder.getRoute("listAuditLog").addHandler(this::list);
    }

    private void list(RoutingContext rc) {
        String action = rc.queryParams().get("action");
        String limit = rc.queryParams().get("limit");
        AuditLog.Query q = new AuditLog.Query(action == null ? null : AuditAction.valueOf(action),
                rc.queryParams().get("actorId"), date("from", rc.queryParams().get("from")), date("to", rc.queryParams().get("to")),
                rc.queryParams().get("cursor"), limit == null ? DEFAULT_LIMIT : Integer.parseInt(limit));
        log.page(q).onSuccess(docs -> {
            JsonObject body = new JsonObject().put("items", AuditLog.items(docs));
            if (docs.size() == q.limit()) {
                body.put("nextCursor", docs.get(docs.size() - 1).getString("seq"));
            }
            rc.json(body);
        }).onFailure(rc::fail);
    }

    private static LocalDate date(String field, String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("日期无效", List.of(new FieldError(field, "应为存在的日期，如 2026-11-20")));
        }
    }
}
