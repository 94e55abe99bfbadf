package cn.liaison.backend.calendar;

import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import io.vertx.core.Future;
import java.time.LocalDate;

/** The working-day calendar (weekends, holidays, make-up days, office hours); publishes {@link WorkingCalendar}. */
public final class CalendarFeature implements Feature {

    private final OfficeHours officeHours;

    public CalendarFeature(OfficeHours officeHours) {
        this.officeHours = officeHours;
    }

    @Override
    public String name() {
        return "calendar";
    }

    @Override
    public Future<Void> start(Platform platform) {
        WorkingCalendar calendar = WorkingCalendar.fromResources(officeHours);
        // Loads (and checks) this year's holiday file now rather than on the first request.
        calendar.knowsHolidaysOf(LocalDate.now(platform.clock().withZone(WorkingCalendar.ZONE)).getYear());
        platform.ports().publish(WorkingCalendar.class, calendar);
        platform.route(new CalendarRoutes(calendar));
        return Future.succeededFuture();
    }
}
