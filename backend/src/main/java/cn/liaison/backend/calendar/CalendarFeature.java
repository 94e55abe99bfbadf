package cn.liaison.backend.calendar;

import cn.liaison.backend.identity.Tokens;
import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import cn.liaison.backend.platform.audit.AuditAction;
import cn.liaison.backend.platform.audit.OperationAudit;
import cn.liaison.backend.platform.auth.AuthHandler;
import io.vertx.core.Future;

/**
 * The working-day calendar as data (weekends, holidays, make-up days, office hours; published
 * years, coverage warnings on the readiness probe). Publishes {@link WorkingCalendar} and
 * {@link CalendarModule}.
 */
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
        platform.collections(CalendarCollections.VERSIONS, CalendarCollections.CURRENT);
        CalendarModule calendars = new CalendarModule(platform.vertx(), platform.stores().mongo(), officeHours, platform.clock());
        return calendars.start(true).map(calendar -> {
            platform.ports().publish(WorkingCalendar.class, calendar);
            platform.ports().publish(CalendarModule.class, calendars);
            platform.warnings(() -> calendars.coverage().warnings());
            CalendarAdminRoutes admin = new CalendarAdminRoutes(calendars, new AuthHandler(platform.ports().require(Tokens.class)),
                    OperationAudit.step(platform.audit(), AuditAction.CALENDAR_LOADED, platform.clock()));
            platform.rawRoute(admin);
            platform.route(admin);
            platform.route(new CalendarRoutes(calendar));
            return null;
        });
    }
}
