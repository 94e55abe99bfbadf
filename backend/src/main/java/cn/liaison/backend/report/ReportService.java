package cn.liaison.backend.report;

import cn.liaison.backend.stats.DirectAnswers;
import cn.liaison.backend.platform.http.FieldError;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.ProblemType;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.org.Unit;
import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.inspection.InspectionFigures;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Who sees which monthly summary: city admins every district (or the unit they pick), unit heads
 * their own unit and the units below it; a unit outside that is 404, other roles 403.
 */
public final class ReportService {

    private final MonthlyReport report;
    private final UnitDirectory units;
    private final ReportExtras extras;
    private final Clock clock;
    private final java.util.Optional<InspectionFigures> inspections;
    private final Map<String, DirectAnswers> direct;

    /**
     * @param extras      the plan and 提速 sections
     * @param inspections the inspection figures (扫码入企), when that feature runs
     * @param direct      the 直接答复 counts by channel ({@code MINIPROGRAM}, {@code HOTLINE})
     */
    ReportService(MonthlyReport report, UnitDirectory units, ReportExtras extras, Clock clock,
                  java.util.Optional<InspectionFigures> inspections, Map<String, DirectAnswers> direct) {
        this.report = report;
        this.units = units;
        this.extras = extras;
        this.clock = clock;
        this.inspections = inspections;
        this.direct = direct;
    }

    public Future<JsonObject> monthly(String monthText, String unitId, Principal who) {
        YearMonth month = month(monthText);
        String root = unitId != null ? unitId : who.has(Role.CITY_ADMIN) ? null : who.unitId();
        Future<Boolean> allowed = who.has(Role.CITY_ADMIN) || root == null ? Future.succeededFuture(true)
                : units.subtreeIds(who.unitId()).map(mine -> mine.contains(root));
        return allowed.compose(ok -> {
            if (!ok) {
                return Future.failedFuture(ProblemException.notFound("单位不存在"));
            }
            return units.all().compose(all -> root == null
                    ? report.compute(month, all, true).compose(r -> withInspections(r, month, null, all))
                            .compose(r -> extras.addTo(r, month, all, true))
                    : units.subtreeIds(root).compose(ids -> {
                        if (ids.isEmpty()) {
                            return Future.failedFuture(ProblemException.notFound("单位不存在"));
                        }
                        List<Unit> chosen = all.stream().filter(u -> ids.contains(u.id())).toList();
                        return report.compute(month, chosen, false).compose(r -> withInspections(r, month, ids, all))
                                .compose(r -> extras.addTo(r, month, chosen, false));
                    }));
        }).compose(result -> root == null ? directAnswers(month, result.getJsonObject("total")).map(result) : Future.succeededFuture(result))
                .map(result -> result.put("unitId", root));
    }

    /** The city-wide total's 直接答复 per channel, from the same counts as {@code /hotline/stats}. */
    private Future<Void> directAnswers(YearMonth month, JsonObject total) {
        java.time.Instant from = month.atDay(1).atStartOfDay(cn.liaison.backend.calendar.WorkingCalendar.ZONE).toInstant();
        java.time.Instant to = month.plusMonths(1).atDay(1).atStartOfDay(cn.liaison.backend.calendar.WorkingCalendar.ZONE).toInstant();
        List<Future<Void>> counted = direct.entrySet().stream().map(e -> e.getValue().count(from, to)
                .map(c -> {
                    total.getJsonObject("directAnswer").put(e.getKey(), new JsonObject().put("contacts", c.contacts())
                            .put("answered", c.answered()).put("rate", c.rate()));
                    return (Void) null;
                })).toList();
        return Future.all(counted).mapEmpty();
    }

    /** Adds the month's inspection figures (asked through the port), with unit names. */
    private Future<JsonObject> withInspections(JsonObject result, YearMonth month, java.util.Set<String> ids, List<Unit> all) {
        if (inspections.isEmpty()) {
            return Future.succeededFuture(result);
        }
        java.util.Map<String, String> names = new java.util.HashMap<>();
        all.forEach(u -> names.put(u.id(), u.name()));
        return inspections.get().monthly(month, ids).map(figures -> {
            figures.getJsonArray("byUnit").forEach(row -> ((JsonObject) row)
                    .put("unitName", names.getOrDefault(((JsonObject) row).getString("unitId"), "（未知单位）")));
            return result.put(InspectionFigures.KEY, figures);
        });
    }

    /** {@code YYYY-MM}; the current month when absent. */
    YearMonth month(String text) {
        if (text == null) {
            return YearMonth.now(clock.withZone(cn.liaison.backend.calendar.WorkingCalendar.ZONE));
        }
        YearMonth month;
        try {
            month = YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("月份格式应为 YYYY-MM", List.of(new FieldError("month", "格式应为 YYYY-MM")));
        }
        // Outside the window a month is meaningless here, and the year 999999999 overflows the date arithmetic.
        if (!cn.liaison.backend.calendar.DateWindow.contains(month.atDay(1))) {
            String detail = "应在 " + cn.liaison.backend.calendar.DateWindow.describe() + " 之间";
            throw ProblemException.invalid("月份" + detail, List.of(new FieldError("month", detail)));
        }
        return month;
    }
}
