package cn.liaison.backend.report;

import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.RawRoutes;
import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.platform.work.ReportWork;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * Routes the contract cannot describe: the XLSX export (its media type is not one the validator
 * accepts) and the dashboard page with its chart library, served from the jar.
 *
 * <pre>
 *   GET /api/v1/reports/monthly.xlsx?month=&amp;unitId=   bearer token; same scope as the JSON
 *   GET /dashboard/                                    page (signs in itself, then calls the JSON API)
 *   GET /dashboard/lib/chart.umd.js                    Chart.js 4 (webjar)
 * </pre>
 */
public final class ReportPages implements RawRoutes {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ReportService reports;
    private final AuthHandler auth;
    private final ReportWork work;

    private final io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> audited;

    public ReportPages(ReportService reports, AuthHandler auth, ReportWork work,
                       io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> audited) {
        this.audited = audited;
        this.reports = reports;
        this.auth = auth;
        this.work = work;
    }

    @Override
    public void register(Router router) {
        router.get("/api/v1/reports/monthly.xlsx").handler(auth).handler(audited).handler(rc -> {
            String month = rc.queryParams().get("month");
            String unitId = rc.queryParams().get("unitId");
            if (unitId != null && !unitId.matches("[a-z][a-z0-9-]{1,63}")) {
                rc.fail(ProblemException.notFound("单位不存在"));
                return;
            }
            reports.month(month); // a bad month is a 400 even when every slot is busy
            work.inSlot(() -> reports.monthly(month, unitId, AuthHandler.principal(rc))
                            .compose(report -> work.compute(() -> XlsxExport.write(report))
                                    .compose(bytes -> rc.response()
                                            .putHeader("Content-Type", XLSX)
                                            .putHeader("Content-Disposition", "attachment; filename=\"monthly-"
                                                    + report.getString("month") + ".xlsx\"")
                                            .end(Buffer.buffer(bytes)))),
                    () -> rc.response().reset(), rc.response()::bytesWritten)
                    .onFailure(rc::fail);
        });
        router.getWithRegex("/dashboard").handler(rc -> rc.redirect("/dashboard/"));
        router.get("/dashboard/lib/*").handler(StaticHandler.create("META-INF/resources/webjars/chart.js/4.4.1/dist")
                .setCachingEnabled(true));
        router.get("/dashboard/*").handler(StaticHandler.create("webroot/dashboard").setIndexPage("index.html"));
    }
}
