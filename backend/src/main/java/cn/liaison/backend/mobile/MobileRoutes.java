package cn.liaison.backend.mobile;

import cn.liaison.backend.platform.http.FieldError;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.RawRoutes;
import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.calendar.CalendarNotes;
import cn.liaison.backend.calendar.DateWindow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The phone page for staff and what it needs besides the request API.
 *
 * <pre>
 *   GET /m/…                     raw route        the page: HTML, CSS and JavaScript modules from webroot/m
 *   GET /api/v1/deadlines?due=…  describeDeadlines deadlines in plain words on the working-day calendar
 * </pre>
 */
public final class MobileRoutes implements Routes, RawRoutes {

    private final DeadlineWords words;
    private final Clock clock;

    public MobileRoutes(DeadlineWords words, Clock clock) {
        this.words = words;
        this.clock = clock;
    }

    @Override
    public void register(RouterBuilder builder) {
        builder.getRoute("describeDeadlines").addHandler(this::deadlines);
    }

    @Override
    public void register(Router router) {
        // Vert.x matches "/m" for "/m/" too: only the bare path is redirected.
        router.getWithRegex("^/m$").handler(rc -> rc.redirect("/m/"));
        router.get("/m/*").handler(rc -> {
            // The page is small and changes with releases: always revalidate, never serve it stale.
            rc.response().putHeader("Cache-Control", "no-cache");
            rc.next();
        }).handler(StaticHandler.create("webroot/m").setCachingEnabled(false).setIndexPage("index.html")
                .setDefaultContentEncoding("UTF-8"));
    }

    private void deadlines(RoutingContext rc) {
        AuthHandler.principal(rc);
        List<String> dues = rc.queryParams().getAll("due");
        Instant now = clock.instant();
        JsonArray items = new JsonArray();
        for (String due : dues) {
            Instant at;
            try {
                at = OffsetDateTime.parse(due).toInstant();
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("due 应为带时区的 ISO-8601 时间", List.of(new FieldError("due", "格式不正确")));
            }
            if (!DateWindow.aroundNow(at, now)) {
                String detail = "应在今天前后 " + DateWindow.AROUND_NOW.getYears() + " 年之内";
                throw ProblemException.invalid("due " + detail, List.of(new FieldError("due", detail)));
            }
            DeadlineWords.Words w = words.describe(at, now);
            items.add(CalendarNotes.flag(new JsonObject().put("due", due).put("text", w.text()).put("urgency", w.urgency().name())
                    .put("workingDaysLeft", w.workingDaysLeft()), w.calendarComplete()));
        }
        rc.json(new JsonObject().put("items", items));
    }
}
