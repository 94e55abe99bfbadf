package cn.liaison.backend.kb;

import cn.liaison.backend.platform.ratelimit.RateLimit;
import cn.liaison.backend.platform.http.FieldError;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.platform.store.MongoDocs;
import cn.liaison.backend.calendar.DateWindow;
import cn.liaison.backend.platform.auth.Role;
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
 *   GET  /api/v1/kb/answer?q=                         kbAnswer        public, rate-limited per client
 *   GET  /api/v1/kb/entries/{id}                      kbEntry         public
 *   GET  /api/v1/admin/kb/entries                     listKbEntries   city admin
 *   GET  /api/v1/admin/kb/entries/{id}                getKbEntry
 *   PUT  /api/v1/admin/kb/entries/{id}/draft          saveKbDraft
 *   POST /api/v1/admin/kb/entries/{id}/publish        publishKbEntry
 *   POST /api/v1/admin/kb/entries/{id}/unpublish      unpublishKbEntry
 *   POST /api/v1/admin/kb/entries/{id}/versions/{version}/restore  restoreKbVersion  publish a kept version again
 *   GET  /api/v1/admin/kb/gaps?from=&to=&limit=       kbGaps          most frequent unanswered questions
 *   GET  /api/v1/admin/kb/suggestions?from=&to=&limit= kbSuggestions  the gap loop: grouped by meaning (default: last 7 days)
 *   POST /api/v1/admin/kb/suggestions/{id}/accept     acceptKbSuggestion  into a draft in one step
 * </pre>
 */
final class KbRoutes implements Routes {

    private final KbService kb;
    private final KbAdmin admin;
    private final QuestionLog questions;
    private final RateLimit limit;
    private final GapLoop gapLoop;
    private final Clock clock;

    KbRoutes(KbService kb, KbAdmin admin, QuestionLog questions, RateLimit limit, GapLoop gapLoop, Clock clock) {
        this.gapLoop = gapLoop;
        this.kb = kb;
        this.admin = admin;
        this.questions = questions;
        this.limit = limit;
        this.clock = clock;
    }

    @Override
    public void register(RouterBuilder builder) {
        builder.getRoute("kbAnswer").addHandler(this::answer);
        builder.getRoute("kbEntry").addHandler(this::entry);
        builder.getRoute("listKbEntries").addHandler(rc -> admin(rc, () -> admin.list().map(items -> new JsonObject().put("items", items))));
        builder.getRoute("getKbEntry").addHandler(rc -> admin(rc, () -> admin.get(rc.pathParam("id"))));
        builder.getRoute("saveKbDraft").addHandler(rc -> admin(rc, () -> admin.saveDraft(rc.pathParam("id"),
                rc.body().asJsonObject(), AuthHandler.principal(rc).name())));
        builder.getRoute("publishKbEntry").addHandler(rc -> admin(rc, () -> admin.publish(rc.pathParam("id"),
                AuthHandler.principal(rc).name())));
        builder.getRoute("unpublishKbEntry").addHandler(rc -> admin(rc, () -> admin.unpublish(rc.pathParam("id"),
                AuthHandler.principal(rc).name())));
        builder.getRoute("restoreKbVersion").addHandler(rc -> admin(rc, () -> admin.restore(rc.pathParam("id"),
                Integer.parseInt(rc.pathParam("version")), AuthHandler.principal(rc).name())));
        builder.getRoute("kbGaps").addHandler(rc -> admin(rc, () -> gaps(rc)));
        builder.getRoute("kbSuggestions").addHandler(rc -> admin(rc, () -> suggestions(rc)));
        builder.getRoute("acceptKbSuggestion").addHandler(rc -> admin(rc, () -> gapLoop.accept(rc.pathParam("id"),
                AuthHandler.principal(rc).name())));
    }

    private void answer(RoutingContext rc) {
        String q = rc.queryParams().get("q").strip();
        if (q.isEmpty()) {
            throw ProblemException.invalid("请输入问题", List.of(new FieldError("q", "不能为空")));
        }
        limit.acquire(clientOf(rc))
                .compose(ok -> kb.answer(q, "WEB"))
                .onSuccess(answer -> {
                    JsonObject json = KbJson.outcome(answer.outcome(), kb.knowledgeBase());
                    if (answer.lexicalOnly()) {
                        json.put("lexicalOnly", true); // the embedding pool was saturated: words only
                    }
                    rc.json(json);
                })
                .onFailure(e -> {
                    if (e instanceof RateLimit.Exceeded exceeded) {
                        rc.response().putHeader("Retry-After", Integer.toString(exceeded.retryAfterSeconds()));
                    }
                    rc.fail(e);
                });
    }

    private void entry(RoutingContext rc) {
        String id = rc.pathParam("id");
        kb.ready()
                .map(base -> base.entry(id).map(KbJson::entry)
                        .orElseThrow(() -> ProblemException.notFound("知识库条目 " + id + " 不存在或未发布")))
                .onSuccess(rc::json)
                .onFailure(rc::fail);
    }

    private Future<JsonObject> gaps(RoutingContext rc) {
        LocalDate today = LocalDate.now(clock.withZone(MongoDocs.ZONE));
        LocalDate from = date(rc, "from", today.minusDays(30));
        LocalDate to = date(rc, "to", today);
        int max = rc.queryParams().get("limit") == null ? 20 : Integer.parseInt(rc.queryParams().get("limit"));
        Instant start = from.atStartOfDay(MongoDocs.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(MongoDocs.ZONE).toInstant();
        return questions.gaps(start, end, max).map(rows -> {
            JsonArray items = new JsonArray();
            rows.forEach(r -> items.add(new JsonObject().put("question", r.getString("example"))
                    .put("count", r.getInteger("count")).put("forward", r.getString("forward"))));
            return new JsonObject().put("from", from.toString()).put("to", to.toString()).put("items", items);
        });
    }

    private Future<JsonObject> suggestions(RoutingContext rc) {
        LocalDate today = LocalDate.now(clock.withZone(MongoDocs.ZONE));
        LocalDate from = date(rc, "from", today.minusDays(6));
        LocalDate to = date(rc, "to", today);
        int max = rc.queryParams().get("limit") == null ? 20 : Integer.parseInt(rc.queryParams().get("limit"));
        return gapLoop.report(from.atStartOfDay(MongoDocs.ZONE).toInstant(),
                        to.plusDays(1).atStartOfDay(MongoDocs.ZONE).toInstant(), max)
                .map(report -> report.put("from", from.toString()).put("to", to.toString()));
    }

    private static LocalDate date(RoutingContext rc, String name, LocalDate fallback) {
        String value = rc.queryParams().get(name);
        try {
            LocalDate day = value == null ? fallback : LocalDate.parse(value);
            if (DateWindow.contains(day)) {
                return day;
            }
        } catch (RuntimeException e) {
            throw ProblemException.invalid("日期格式应为 YYYY-MM-DD", List.of(new FieldError(name, "日期格式应为 YYYY-MM-DD")));
        }
        String detail = "日期应在 " + DateWindow.describe() + " 之间";
        throw ProblemException.invalid(detail, List.of(new FieldError(name, detail)));
    }

    private static void admin(RoutingContext rc, java.util.function.Supplier<Future<JsonObject>> action) {
        action.get().onSuccess(rc::json).onFailure(rc::fail);
    }

    /** The client as the edge resolved it ({@link cn.liaison.backend.platform.http.ClientAddress}: proxies only when trusted). */
    static String clientOf(RoutingContext rc) {
        return cn.liaison.backend.platform.http.ClientAddress.of(rc);
    }
}
