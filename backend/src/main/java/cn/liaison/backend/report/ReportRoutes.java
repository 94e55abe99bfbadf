package cn.liaison.backend.report;

import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.platform.work.ReportWork;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/**
 * <pre>
 *   GET /api/v1/reports/monthly?month=YYYY-MM&amp;unitId=     getMonthlyReport   (UNIT_HEAD, CITY_ADMIN)
 *   (GET /api/v1/reports/monthly.xlsx and /dashboard/: raw routes, see ReportPages)
 * </pre>
 */
public final class ReportRoutes implements Routes {

    private final ReportService reports;
    private final ReportWork work;

    public ReportRoutes(ReportService reports, ReportWork work) {
        this.reports = reports;
        this.work = work;
    }

    @Override
    public void register(RouterBuilder builder) {
        builder.getRoute("getMonthlyReport").addHandler(rc -> {
            String month = rc.queryParams().get("month");
            String unitId = rc.queryParams().get("unitId");
            reports.month(month); // a bad month is a 400 even when every slot is busy
            work.inSlot(() -> reports.monthly(month, unitId, AuthHandler.principal(rc)), () -> rc.response().reset(),
                            rc.response()::bytesWritten)
                    .onSuccess(rc::json)
                    .onFailure(rc::fail);
        });
    }
}
