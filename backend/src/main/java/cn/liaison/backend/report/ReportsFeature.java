package cn.liaison.backend.report;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.identity.Tokens;
import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import cn.liaison.backend.platform.audit.AuditAction;
import cn.liaison.backend.platform.audit.OperationAudit;
import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.project.ProjectQueries;
import cn.liaison.backend.request.RequestQueries;
import io.vertx.core.Future;

/** The monthly summary (每月汇总): JSON, XLSX and the dashboard page. */
public final class ReportsFeature implements Feature {

    @Override
    public String name() {
        return "reports";
    }

    @Override
    public Future<Void> start(Platform platform) {
        ReportService reports = new ReportService(new MonthlyReport(platform.ports().require(RequestQueries.class),
                platform.ports().require(ProjectQueries.class),
                platform.ports().require(WorkingCalendar.class), platform.clock()),
                platform.ports().require(UnitDirectory.class), platform.clock(),
                platform.ports().find(cn.liaison.backend.inspection.InspectionFigures.class));
        platform.rawRoute(new ReportPages(reports, new AuthHandler(platform.ports().require(Tokens.class)), platform.blocking(),
                OperationAudit.step(platform.audit(), AuditAction.EXPORT_DOWNLOADED, platform.clock())));
        platform.route(new ReportRoutes(reports));
        return Future.succeededFuture();
    }
}
