package cn.liaison.backend.scenario;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.kb.KbModule;
import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import cn.liaison.backend.project.ChecklistRoutes;
import cn.liaison.backend.project.ChecklistService;
import cn.liaison.backend.project.ProjectModule;
import io.vertx.core.Future;

/**
 * 一件事一次办: scenario packages from the knowledge base, and each project's checklist (kept on the
 * project documents). Publishes {@link ChecklistService}.
 */
public final class ScenariosFeature implements Feature {

    @Override
    public String name() {
        return "scenarios";
    }

    @Override
    public Future<Void> start(Platform platform) {
        KbModule kb = platform.ports().require(KbModule.class);
        ChecklistService checklists = new ChecklistService(platform.ports().require(ProjectModule.class), kb.knowledgeBase(),
                platform.ports().require(WorkingCalendar.class), platform.clock());
        platform.ports().publish(ChecklistService.class, checklists);
        platform.route(new ScenarioRoutes(kb.knowledgeBase()));
        platform.route(new ChecklistRoutes(checklists));
        return Future.succeededFuture();
    }
}
