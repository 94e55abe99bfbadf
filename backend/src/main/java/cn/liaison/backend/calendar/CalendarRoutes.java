package cn.liaison.backend.calendar;

import cn.liaison.backend.platform.http.FieldError;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.Routes;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The working-day calendar over HTTP (public, no login):
 *
 * <pre>
 *   GET /api/v1/calendar/working-days?from=YYYY-MM-DD&amp;add=N   the Nth working day after from
 * </pre>
 */
public final class CalendarRoutes implements Routes {

    static final int MAX_ADD = 365;
    private static final LocalDate EARLIEST = DateWindow.EARLIEST;
    private static final LocalDate LATEST = DateWindow.LATEST;

    private final WorkingCalendar calendar;

    public CalendarRoutes(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void register(RouterBuilder builder) {
        builder.getRoute("calendarWorkingDays").addHandler(this::workingDays);
    }

    private void workingDays(RoutingContext rc) {
        LocalDate from = date(rc.queryParams().get("from"));
        int add = add(rc.queryParams().get("add"));
        LocalDate date = calendar.addWorkingDays(from, add);
        rc.json(CalendarNotes.flag(new JsonObject().put("date", date.toString()), calendar.completeBetween(from, date)));
    }

    private static LocalDate date(String raw) {
        LocalDate date;
        try {
            date = LocalDate.parse(raw == null ? "" : raw.trim());
        } catch (DateTimeParseException e) {
            throw invalid("from", "必须是 YYYY-MM-DD 格式的有效日期，例如 2026-09-30");
        }
        // Unknown years cost a log line each; nobody needs working days outside this century.
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw invalid("from", "必须在 " + EARLIEST + " 至 " + LATEST + " 之间");
        }
        return date;
    }

    private static int add(String raw) {
        try {
            int add = Integer.parseInt(raw == null ? "" : raw.trim());
            if (add >= 0 && add <= MAX_ADD) {
                return add;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("add", "必须是 0 到 " + MAX_ADD + " 之间的整数");
    }

    private static ProblemException invalid(String parameter, String detail) {
        return ProblemException.invalid("参数 " + parameter + " " + detail, List.of(new FieldError(parameter, detail)));
    }
}
