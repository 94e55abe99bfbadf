package cn.liaison.backend.report;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.identity.Tokens;
import cn.liaison.backend.kb.KbModule;
import cn.liaison.backend.plan.PlanFigures;
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
        WorkingCalendar calendar = platform.ports().require(WorkingCalendar.class);
        RequestQueries requests = platform.ports().require(RequestQueries.class);
        ProjectQueries projects = platform.ports().require(ProjectQueries.class);
        ReportExtras extras = new ReportExtras(platform.ports().find(PlanFigures.class).map(PlanSection::new),
                new SpeedSection(requests, projects, calendar, platform.ports().require(KbModule.class).knowledgeBase()),
                platform.clock());
        ReportService reports = new ReportService(new MonthlyReport(requests, projects, calendar, platform.clock()),
                platform.ports().require(UnitDirectory.class), extras, platform.clock(),
                platform.ports().find(cn.liaison.backend.inspection.InspectionFigures.class));
        platform.rawRoute(new ReportPages(reports, new AuthHandler(platform.ports().require(Tokens.class)), platform.blocking(),
                OperationAudit.step(platform.audit(), AuditAction.EXPORT_DOWNLOADED, platform.clock())));
        platform.route(new ReportRoutes(reports));
        return Future.succeededFuture();
    }
}
