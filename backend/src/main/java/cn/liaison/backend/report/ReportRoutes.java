package cn.liaison.backend.report;

import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.platform.auth.AuthHandler;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/**
 * <pre>
 *   GET /api/v1/reports/monthly?month=YYYY-MM&amp;unitId=     getMonthlyReport   (UNIT_HEAD, CITY_ADMIN)
 *   (GET /api/v1/reports/monthly.xlsx and /dashboard/: raw routes, see ReportPages)
 * </pre>
 */
public final class ReportRoutes implements Routes {

    private final ReportService reports;

    public ReportRoutes(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public void register(RouterBuilder builder) {
        builder.getRoute("getMonthlyReport").addHandler(rc -> {
            try {
                reports.monthly(rc.queryParams().get("month"), rc.queryParams().get("unitId"), AuthHandler.principal(rc))
                        .onSuccess(rc::json)
                        .onFailure(rc::fail);
            } catch (RuntimeException e) {
                rc.fail(e);
            }
        });
    }
}
