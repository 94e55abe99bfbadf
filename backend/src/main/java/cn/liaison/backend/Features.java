package cn.liaison.backend;

import cn.liaison.backend.config.AppConfig;
import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.attachment.AttachmentsFeature;
import cn.liaison.backend.audit.AuditFeature;
import cn.liaison.backend.calendar.CalendarFeature;
import cn.liaison.backend.canned.CannedRepliesFeature;
import cn.liaison.backend.demo.DemoFeature;
import cn.liaison.backend.hotline.HotlineFeature;
import cn.liaison.backend.identity.IdentityFeature;
import cn.liaison.backend.inspection.InspectionsFeature;
import cn.liaison.backend.identity.StaffFeature;
import cn.liaison.backend.kb.GuidingCasesFeature;
import cn.liaison.backend.kb.KbFeature;
import cn.liaison.backend.miniapp.MiniProgramFeature;
import cn.liaison.backend.mobile.StaffMobileFeature;
import cn.liaison.backend.ops.OpsFeature;
import cn.liaison.backend.org.OrgFeature;
import cn.liaison.backend.plan.PlansFeature;
import cn.liaison.backend.proactive.ProactiveFeature;
import cn.liaison.backend.project.ProjectDirectoryFeature;
import cn.liaison.backend.project.ProjectsFeature;
import cn.liaison.backend.report.ReportsFeature;
import cn.liaison.backend.request.RequestsFeature;
import cn.liaison.backend.scenario.ScenariosFeature;
import cn.liaison.backend.search.SearchFeature;
import cn.liaison.backend.sla.SlaFeature;
import java.util.List;

/** Which features run, in which order: the list {@link Application} starts on the platform. */
final class Features {

    private Features() {
    }

    /** The features, in start order: a feature uses the ports of those before it. */
    static List<Feature> all(AppConfig c) {
        return List.of(new IdentityFeature(new IdentityFeature.Settings(c.jwtSecret(), c.dataDir(), c.jwtTtl(),
                        c.mobile().passwordLogin())), new CalendarFeature(c.officeHours()), new OrgFeature(),
                new ProjectDirectoryFeature(), new StaffFeature(), new DemoFeature(), new KbFeature(c.kbAnswersPerMinute(), c.kbBackgroundEmbeddingsPerSecond()),
                new RequestsFeature(c.sla()), new SearchFeature(), new GuidingCasesFeature(), new SlaFeature(c.sla()),
                new HotlineFeature(c.hotline12345()), new ProjectsFeature(c.projects()), new AttachmentsFeature(),
                new ScenariosFeature(), new InspectionsFeature(c.mobile().publicBaseUrl()), new PlansFeature(c.sla()),
                new ProactiveFeature(c.proactive()), new ReportsFeature(), new MiniProgramFeature(c.miniProgram()),
                new StaffMobileFeature(c.mobile()), new CannedRepliesFeature(), new AuditFeature(), new OpsFeature());
    }
}
