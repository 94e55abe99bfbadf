package cn.liaison.backend.report;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.org.Unit;
import io.vertx.core.Future;
import cn.liaison.backend.org.Places;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The summary's sections beyond the request loop: service plans ({@code servicePlans}, when the
 * plan feature runs) and speed against promises ({@code speed}). Kept apart from
 * {@link MonthlyReport} so each section stays small and can be read on its own.
 */
final class ReportExtras {

    private final Optional<PlanSection> plans;
    private final SpeedSection speed;
    private final Clock clock;

    ReportExtras(Optional<PlanSection> plans, SpeedSection speed, Clock clock) {
        this.plans = plans;
        this.speed = speed;
        this.clock = clock;
    }

    Future<JsonObject> addTo(JsonObject report, YearMonth month, List<Unit> units, boolean everything) {
        Instant from = month.atDay(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        Instant asOf = clock.instant().isBefore(to) ? clock.instant() : to;
        Places scope = new Places(everything, everything ? List.of() : units.stream().map(Unit::id).toList());
        Future<JsonObject> planFigures = plans.map(p -> p.compute(from, to, asOf, units, everything))
                .orElse(Future.succeededFuture(null));
        return Future.all(planFigures, speed.compute(month, scope, units)).map(all -> {
            if (all.resultAt(0) != null) {
                report.put("servicePlans", all.<JsonObject>resultAt(0));
            }
            return report.put("speed", all.<JsonObject>resultAt(1));
        });
    }
}
