package cn.liaison.backend.request;

import cn.liaison.bots.domain.RequestType;
import cn.liaison.bots.domain.Resolution;
import cn.liaison.bots.domain.ReturnReason;
import cn.liaison.bots.domain.RatingLevel;

import cn.liaison.backend.platform.http.FieldError;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.platform.work.ReportWork;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * <pre>
 *   POST /api/v1/requests                         createRequest   (Idempotency-Key)
 *   GET  /api/v1/requests                         listRequests    the ledger (台账)
 *   GET  /api/v1/requests/export.csv              exportRequests
 *   GET  /api/v1/requests/{id}                    getRequest
 *   POST /api/v1/requests/{id}/{action}           one operation per action (assess, assign, accept, ...,
 *                                                 return = 退单 of a 12345 work order)
 *   GET  /api/v1/tasks                            listTasks       a liaison's inbox
 * </pre>
 */
public final class RequestRoutes implements Routes {

    private final Intake intake;
    private final RequestService requests;
    private final Ledger ledger;
    private final ReportWork work;

    public RequestRoutes(RequestModule module, ReportWork work) {
        this.intake = module.intake();
        this.requests = module.service();
        this.ledger = module.ledger();
        this.work = work;
    }

    @Override
    public void register(RouterBuilder builder) {
        builder.getRoute("createRequest").addHandler(this::create);
        builder.getRoute("listRequests").addHandler(this::list);
        builder.getRoute("exportRequests").addHandler(this::export);
        builder.getRoute("getRequest").addHandler(this::get);
        builder.getRoute("listTasks").addHandler(this::tasks);
        action(builder, "assessRequest", b -> new Command.Assess(enumOrNull(RequestType.class, b.getString("type")),
                b.getString("category"), b.getString("unitId"), b.getString("note")));
        action(builder, "assignRequest", b -> new Command.Assign(b.getString("liaisonId"), b.getString("note")));
        action(builder, "acceptRequest", b -> new Command.Accept());
        action(builder, "progressRequest", b -> new Command.Progress(b.getString("note")));
        action(builder, "respondRequest", b -> new Command.Respond(b.getString("result"), b.getBoolean("resolved"),
                enumOrNull(Resolution.class, b.getString("resolution"))));
        action(builder, "returnRequest", b -> new Command.Return(ReturnReason.valueOf(b.getString("reason")), b.getString("note")));
        action(builder, "forwardRequest", b -> new Command.Forward(b.getString("department"), b.getString("note")));
        action(builder, "requestExtension", b -> new Command.RequestExtension(b.getInteger("workingDays"), b.getString("reason")));
        action(builder, "approveExtension", b -> new Command.DecideExtension(true, b.getString("note")));
        action(builder, "rejectExtension", b -> new Command.DecideExtension(false, b.getString("note")));
        action(builder, "rateRequest", b -> new Command.Rate(RatingLevel.valueOf(b.getString("level")), b.getString("comment")));
        action(builder, "closeRequest", b -> new Command.Close(b.getString("note")));
        action(builder, "noteRequest", b -> new Command.Note(b.getString("note")));
        // Photos join a supplement through the attachments feature; the text API sends none.
        action(builder, "supplementRequest", b -> new Command.Supplement(b.getString("text"), List.of()));
        action(builder, "urgeRequest", b -> new Command.Urge(b.getString("note")));
    }

    private void create(RoutingContext rc) {
        Actor actor = Actor.of(AuthHandler.principal(rc));
        JsonObject body = rc.body().asJsonObject();
        JsonObject contact = body.getJsonObject("contact", new JsonObject());
        NewRequest in = input(() -> new NewRequest(enumOrNull(RequestType.class, body.getString("type")),
                body.getString("content"), body.getString("projectId"), body.getString("district"),
                contact.getString("name"), contact.getString("phone")));
        Channel channel = channelFor(actor, body.getString("channel"));
        String key = rc.request().getHeader("Idempotency-Key");
        respond(rc, intake.submit(in, actor, channel, key).compose(submitted -> requests.scopeOf(actor).map(scope -> {
            String id = submitted.document().getString("_id");
            rc.response().setStatusCode(submitted.created() ? 201 : 200)
                    .putHeader("Location", "/api/v1/requests/" + id);
            return requests.render(submitted.document(), scope);
        })));
    }

    private void get(RoutingContext rc) {
        respond(rc, requests.get(rc.pathParam("id"), Actor.of(AuthHandler.principal(rc))));
    }

    private void list(RoutingContext rc) {
        respond(rc, ledger.page(query(rc), Actor.of(AuthHandler.principal(rc))));
    }

    /** Streamed in batches formatted on the reports pool, in one of its slots (503 when they are all busy). */
    private void export(RoutingContext rc) {
        LedgerQuery query = query(rc);
        Actor actor = Actor.of(AuthHandler.principal(rc));
        HttpServerResponse response = rc.response();
        work.inSlot(() -> ledger.csv(query, actor).compose(csv -> {
            response.setChunked(true)
                    .putHeader("Content-Type", "text/csv; charset=utf-8")
                    .putHeader("Content-Disposition", "attachment; filename=\"" + ledger.csvFileName() + "\"");
            return response.write(csv.header())
                    .compose(v -> csv.found() != null
                            ? work.compute(() -> csv.format().apply(csv.found())).compose(response::write)
                            : work.stream(csv.documents(), 200, csv.format(), response))
                    .compose(v -> response.end());
        }), response::reset, response::bytesWritten).onFailure(e -> rc.fail(RequestProblems.translate(e)));
    }

    private void tasks(RoutingContext rc) {
        Actor actor = Actor.of(AuthHandler.principal(rc));
        respond(rc, requests.tasks(actor).map(items -> new JsonObject().put("items", new JsonArray(List.copyOf(items)))));
    }

    private void action(RouterBuilder builder, String operationId, Function<JsonObject, Command> command) {
        builder.getRoute(operationId).addHandler(rc -> {
            Actor actor = Actor.of(AuthHandler.principal(rc));
            JsonObject body = rc.body() == null || rc.body().length() == 0 ? new JsonObject() : rc.body().asJsonObject();
            Command parsed = input(() -> command.apply(body));
            respond(rc, requests.act(rc.pathParam("id"), parsed, actor));
        });
    }

    private static LedgerQuery query(RoutingContext rc) {
        return input(() -> new LedgerQuery(
                enumOrNull(RequestStatus.class, rc.queryParams().get("status")),
                enumOrNull(RequestType.class, rc.queryParams().get("type")),
                rc.queryParams().get("channel") == null ? null : Channel.fromWire(rc.queryParams().get("channel"))
                        .orElseThrow(() -> new InvalidInputException("channel", "渠道取值不正确")),
                rc.queryParams().get("unitId"),
                rc.queryParams().get("overdue") == null ? null : Boolean.valueOf(rc.queryParams().get("overdue")),
                date(rc.queryParams().get("from"), "from"),
                date(rc.queryParams().get("to"), "to"),
                enumOrNull(RatingLevel.class, rc.queryParams().get("rating")),
                rc.queryParams().get("cursor"),
                rc.queryParams().get("limit") == null ? 50 : Integer.parseInt(rc.queryParams().get("limit")),
                rc.queryParams().get("q")));
    }

    /** Enterprises submit from the mini-program (or the web), agents from the hotline, staff from visits. */
    private static Channel channelFor(Actor actor, String requested) {
        Channel fallback = actor.has(Role.ENTERPRISE) ? Channel.MINIPROGRAM
                : actor.has(Role.AGENT) ? Channel.HOTLINE : Channel.VISIT;
        if (requested == null) {
            return fallback;
        }
        Channel channel = Channel.fromWire(requested).filter(c -> c != Channel.HOTLINE_12345)
                .orElseThrow(() -> new ProblemException(cn.liaison.backend.platform.http.Problem.of(
                        cn.liaison.backend.platform.http.ProblemType.VALIDATION, "渠道取值不正确",
                        List.of(new FieldError("channel", "取值不在允许范围内")))));
        if (actor.has(Role.ENTERPRISE) && channel != Channel.MINIPROGRAM && channel != Channel.WEB) {
            return fallback;
        }
        return channel;
    }

    private static LocalDate date(String value, String field) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (RuntimeException e) {
            throw new InvalidInputException(field, "日期格式应为 YYYY-MM-DD");
        }
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    /** Builds a domain input; its validation failures become 400 problems naming the field. */
    private static <T> T input(java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidInputException e) {
            throw (ProblemException) RequestProblems.translate(e);
        } catch (IllegalArgumentException | NullPointerException e) {
            String field = e.getMessage() == null ? "body" : e.getMessage();
            throw ProblemException.invalid("参数 " + field + " 不符合要求", List.of(new FieldError(field, "不符合要求")));
        }
    }

    private static void respond(RoutingContext rc, Future<JsonObject> result) {
        result.onSuccess(rc::json).onFailure(e -> rc.fail(RequestProblems.translate(e)));
    }
}
