package cn.liaison.backend.report;

import cn.liaison.backend.stats.DirectAnswers;
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
import cn.liaison.backend.platform.work.ReportWork;
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
        ReportWork work = platform.ports().require(ReportWork.class);
        WorkingCalendar calendar = platform.ports().require(WorkingCalendar.class);
        RequestQueries requests = platform.ports().require(RequestQueries.class);
        ProjectQueries projects = platform.ports().require(ProjectQueries.class);
        ReportExtras extras = new ReportExtras(platform.ports().find(PlanFigures.class).map(PlanSection::new),
                new SpeedSection(requests, projects, calendar, platform.ports().require(KbModule.class).knowledgeBase()),
                platform.clock());
        ReportService reports = new ReportService(new MonthlyReport(requests, projects, calendar, platform.clock(), work),
                platform.ports().require(UnitDirectory.class), extras, platform.clock(),
                platform.ports().find(cn.liaison.backend.inspection.InspectionFigures.class), directAnswers(platform));
        platform.rawRoute(new ReportPages(reports, new AuthHandler(platform.ports().require(Tokens.class)), work,
                OperationAudit.step(platform.audit(), AuditAction.EXPORT_DOWNLOADED, platform.clock())));
        platform.route(new ReportRoutes(reports, work));
        return Future.succeededFuture();
    }

    private static java.util.Map<String, DirectAnswers> directAnswers(Platform platform) {
        java.util.Map<String, DirectAnswers> out = new java.util.LinkedHashMap<>();
        platform.ports().find(DirectAnswers.Chat.class).ifPresent(chat -> out.put("MINIPROGRAM", chat));
        platform.ports().find(DirectAnswers.Hotline.class).ifPresent(hotline -> out.put("HOTLINE", hotline));
        return out;
    }
}
