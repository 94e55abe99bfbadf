package cn.liaison.backend.hotline;

import cn.liaison.backend.platform.http.FieldError;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.calendar.DateWindow;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.request.Actor;
import cn.liaison.backend.request.Channel;
import cn.liaison.backend.request.InvalidInputException;
import cn.liaison.backend.request.NewRequest;
import cn.liaison.backend.request.RequestModule;
import cn.liaison.bots.domain.RequestType;
import cn.liaison.backend.platform.store.MongoDocs;
import cn.liaison.bots.hotline.AssistAnswer;
import cn.liaison.bots.hotline.AssistReply;
import cn.liaison.bots.hotline.HotlineAssistant;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * <pre>
 *   POST /api/v1/hotline/assist                   assistHotline       answers for the agent (AGENT)
 *   POST /api/v1/hotline/calls/{callId}/outcome   recordCallOutcome   answered directly / open a request
 *   GET  /api/v1/hotline/stats?from=&to=          hotlineStats        直接答复率, top unanswered questions
 * </pre>
 */
final class HotlineRoutes implements Routes {

    private final HotlineAssistant assistant;
    private final HotlineCalls calls;
    private final RequestModule requests;
    private final Clock clock;

    HotlineRoutes(HotlineAssistant assistant, HotlineCalls calls, RequestModule requests, Clock clock) {
        this.assistant = assistant;
        this.calls = calls;
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    public void register(RouterBuilder builder) {
        builder.getRoute("assistHotline").addHandler(this::assist);
        builder.getRoute("recordCallOutcome").addHandler(this::outcome);
        builder.getRoute("hotlineStats").addHandler(this::stats);
    }

    private void assist(RoutingContext rc) {
        Principal agent = AuthHandler.principal(rc);
        JsonObject body = rc.body().asJsonObject();
        String text = body.getString("text", "").strip();
        String callId = body.getString("callId");
        if (text.isEmpty()) {
            throw ProblemException.invalid("请输入来电人的问题", List.of(new FieldError("text", "不能为空")));
        }
        Instant now = clock.instant();
        assistant.assist(text, callId)
                .compose(reply -> (callId == null ? Future.<Void>succeededFuture()
                        : calls.recordTurn(callId, agent, text, reply, now)).map(reply))
                .onSuccess(reply -> rc.json(toJson(reply)))
                .onFailure(rc::fail);
    }

    private void outcome(RoutingContext rc) {
        Principal agent = AuthHandler.principal(rc);
        String callId = rc.pathParam("callId");
        JsonObject body = rc.body().asJsonObject();
        CallOutcome outcome = new CallOutcome(body.getBoolean("answeredDirectly"), body.getString("entryId"),
                body.getString("question"), newRequest(body.getJsonObject("createRequest")));
        Instant now = clock.instant();
        Future<JsonObject> created = outcome.createRequest() == null ? Future.succeededFuture(null)
                // Keyed by the call: recording the same outcome twice opens one request.
                : requests.intake().submit(outcome.createRequest(), Actor.of(agent), Channel.HOTLINE, "hotline-call:" + callId)
                        .map(submitted -> submitted.document());
        created.compose(request -> calls.recordOutcome(callId, agent, outcome,
                                request == null ? null : request.getString("_id"), now)
                        .map(v -> {
                            JsonObject out = new JsonObject().put("callId", callId)
                                    .put("answeredDirectly", outcome.answeredDirectly());
                            if (request != null) {
                                out.put("requestId", request.getString("_id")).put("requestNumber", request.getString("number"))
                                        .put("requestStatus", request.getString("status"));
                            }
                            return out;
                        }))
                .onSuccess(rc::json)
                .onFailure(e -> rc.fail(e instanceof InvalidInputException invalid
                        ? ProblemException.invalid(invalid.getMessage(),
                        List.of(new FieldError("createRequest." + invalid.field(), invalid.getMessage())))
                        : e));
    }

    private void stats(RoutingContext rc) {
        LocalDate today = LocalDate.now(clock.withZone(MongoDocs.ZONE));
        LocalDate from = date(rc.queryParams().get("from"), "from", today.withDayOfMonth(1));
        LocalDate to = date(rc.queryParams().get("to"), "to", today);
        if (to.isBefore(from)) {
            throw ProblemException.invalid("结束日期不能早于开始日期", List.of(new FieldError("to", "早于 from")));
        }
        Instant start = from.atStartOfDay(MongoDocs.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(MongoDocs.ZONE).toInstant();
        calls.stats(start, end)
                .map(stats -> stats.put("from", from.toString()).put("to", to.toString()))
                .onSuccess(rc::json)
                .onFailure(rc::fail);
    }

    private static NewRequest newRequest(JsonObject json) {
        if (json == null) {
            return null;
        }
        JsonObject contact = json.getJsonObject("contact", new JsonObject());
        try {
            return new NewRequest(json.getString("type") == null ? null : RequestType.valueOf(json.getString("type")),
                    json.getString("content"), json.getString("projectId"), json.getString("district"),
                    contact.getString("name"), contact.getString("phone"));
        } catch (InvalidInputException e) {
            throw ProblemException.invalid(e.getMessage(),
                    List.of(new FieldError("createRequest." + e.field(), e.getMessage())));
        }
    }

    private static LocalDate date(String value, String field, LocalDate fallback) {
        try {
            LocalDate day = value == null ? fallback : LocalDate.parse(value);
            if (DateWindow.contains(day)) {
                return day;
            }
        } catch (RuntimeException e) {
            throw ProblemException.invalid("日期格式应为 YYYY-MM-DD", List.of(new FieldError(field, "日期格式应为 YYYY-MM-DD")));
        }
        String detail = "日期应在 " + DateWindow.describe() + " 之间";
        throw ProblemException.invalid(detail, List.of(new FieldError(field, detail)));
    }

    static JsonObject toJson(AssistReply reply) {
        JsonArray answers = new JsonArray();
        for (AssistAnswer a : reply.answers()) {
            answers.add(new JsonObject().put("entryId", a.entryId()).put("title", a.title())
                    .put("topics", new JsonArray(a.topics())).put("confidence", a.confidence())
                    .put("spoken", a.spoken()).put("notice", a.notice()).put("sources", new JsonArray(a.sources())));
        }
        JsonObject forward = reply.forward() == null ? null
                : new JsonObject().put("department", reply.forward().department()).put("phone", reply.forward().phone());
        return new JsonObject().put("answers", answers).put("forward", forward).put("decision", reply.decision())
                .put("followUp", reply.followUp()).put("aspect", reply.aspect() == null ? null : reply.aspect().name());
    }
}
