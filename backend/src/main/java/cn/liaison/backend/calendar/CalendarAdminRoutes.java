package cn.liaison.backend.calendar;

import cn.liaison.backend.platform.http.FieldError;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.ProblemType;
import cn.liaison.backend.platform.http.RawRoutes;
import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The calendar for city admins, and the coverage warning for every signed-in user:
 *
 * <pre>
 *   GET  /api/v1/calendar/coverage               calendarCoverage      missing years, in words (dashboard banner)
 *   GET  /api/v1/calendar/years                  listCalendarYears     current version per year
 *   PUT  /api/v1/calendar/years/{year}           loadCalendarYear      load a year (JSON) as a new version
 *   GET  /api/v1/calendar/years/{year}/versions  calendarYearVersions  every version, newest first
 *   POST /api/v1/calendar/years/:year/file       raw route             the same as a YAML file upload
 * </pre>
 *
 * The upload is a raw route because the contract library validates JSON bodies only; it checks the
 * same things through {@link ScheduleJson}.
 */
public final class CalendarAdminRoutes implements Routes, RawRoutes {

    private final CalendarModule calendars;
    private final AuthHandler auth;

    private final io.vertx.core.Handler<RoutingContext> audited;

    /** @param audited records the file upload in the audit log (the JSON operation declares x-audit) */
    public CalendarAdminRoutes(CalendarModule calendars, AuthHandler auth, io.vertx.core.Handler<RoutingContext> audited) {
        this.audited = audited;
        this.calendars = calendars;
        this.auth = auth;
    }

    @Override
    public void register(RouterBuilder builder) {
        builder.getRoute("calendarCoverage").addHandler(this::coverage);
        builder.getRoute("listCalendarYears").addHandler(this::years);
        builder.getRoute("loadCalendarYear").addHandler(this::loadJson);
        builder.getRoute("calendarYearVersions").addHandler(this::versions);
    }

    @Override
    public void register(Router router) {
        router.post("/api/v1/calendar/years/:year/file").handler(auth).handler(audited).handler(this::loadYaml);
    }

    private void coverage(RoutingContext rc) {
        AuthHandler.principal(rc);
        rc.json(calendars.coverageJson());
    }

    private void years(RoutingContext rc) {
        AuthHandler.require(rc, Role.CITY_ADMIN);
        calendars.years().onSuccess(rc::json).onFailure(rc::fail);
    }

    private void versions(RoutingContext rc) {
        AuthHandler.require(rc, Role.CITY_ADMIN);
        calendars.history(year(rc)).onSuccess(rc::json).onFailure(rc::fail);
    }

    private void loadJson(RoutingContext rc) {
        Principal who = AuthHandler.require(rc, Role.CITY_ADMIN);
        JsonObject body = rc.body().asJsonObject();
        respond(rc, load(year(rc), body == null ? null : body.getMap(), who, "api"));
    }

    private void loadYaml(RoutingContext rc) {
        Principal who = AuthHandler.require(rc, Role.CITY_ADMIN);
        int year = year(rc);
        String text = rc.body().asString();
        Object parsed;
        try {
            // SafeConstructor: plain maps, lists and scalars only; LoaderOptions caps aliases and size.
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(text == null ? "" : text);
        } catch (YAMLException e) {
            throw ProblemException.invalid("文件不是有效的 YAML", List.of(new FieldError("file", "不是有效的 YAML")));
        }
        if (!(parsed instanceof Map<?, ?> root)) {
            throw ProblemException.invalid("文件应为与 calendar/" + year + ".yaml 相同格式的 YAML",
                    List.of(new FieldError("file", "应包含 year、holidays、makeUpWorkdays")));
        }
        respond(rc, load(year, root, who, "file"));
    }

    private Future<JsonObject> load(int year, Map<?, ?> body, Principal who, String source) {
        try {
            return calendars.load(year, body, who.userId(), who.name(), source);
        } catch (ScheduleInvalid e) {
            List<FieldError> errors = e.issues().stream().map(i -> new FieldError(i.field(), i.detail())).toList();
            return Future.failedFuture(ProblemException.invalid(year + " 年放假安排有 " + errors.size() + " 处问题，未导入", errors));
        }
    }

    private static void respond(RoutingContext rc, Future<JsonObject> stored) {
        stored.onSuccess(json -> rc.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                        .end(json.encode()))
                .onFailure(e -> rc.fail(cn.liaison.backend.platform.store.MongoDocs.isDuplicateKey(e)
                        ? ProblemException.of(ProblemType.CONFLICT, "另一位管理员刚刚导入了同一年份，请刷新后重试") : e));
    }

    private static int year(RoutingContext rc) {
        String raw = rc.pathParam("year");
        try {
            int year = Integer.parseInt(raw == null ? "" : raw);
            if (DateWindow.containsYear(year)) {
                return year;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid("年份应在 " + DateWindow.describe() + " 之间",
                List.of(new FieldError("year", "应为 2000 到 2099 之间的年份")));
    }
}
