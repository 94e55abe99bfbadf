package cn.liaison.backend.scenario;

import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.Routes;
import cn.liaison.kb.KnowledgeBase;
import cn.liaison.kb.scenario.MergedForm;
import cn.liaison.kb.scenario.PackageMaps;
import cn.liaison.kb.scenario.ScenarioPackage;
import cn.liaison.kb.scenario.Scenarios;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.function.Function;

/**
 * 一件事一次办: the scenario packages of the published knowledge base. Public like the knowledge
 * base's answers — they are the office's published service guide (一次告知), and the mini-program
 * shows a package and renders its form before anyone signs in. Composing a package is a walk over a
 * few items in memory (no search), so it runs on the event loop.
 * <pre>
 *   GET /api/v1/scenarios               listScenarios     public
 *   GET /api/v1/scenarios/{id}          getScenario       public: the package
 *   GET /api/v1/scenarios/{id}/form     getScenarioForm   public: the merged form as JSON Schema
 * </pre>
 */
public final class ScenarioRoutes implements Routes {
    private final Future<KnowledgeBase> kb;

    public ScenarioRoutes(Future<KnowledgeBase> kb) {
        this.kb = kb;
    }

    @Override
    public void register(RouterBuilder builder) {
        builder.getRoute("listScenarios").addHandler(this::list);
        builder.getRoute("getScenario").addHandler(rc -> one(rc, pkg -> new JsonObject(PackageMaps.full(pkg))));
        builder.getRoute("getScenarioForm").addHandler(rc -> one(rc, pkg -> new JsonObject(MergedForm.schema(pkg))));
    }

    private void list(RoutingContext rc) {
        ready().map(base -> {
            JsonArray items = new JsonArray();
            Scenarios.all(base.content()).forEach(pkg -> items.add(new JsonObject(PackageMaps.summary(pkg))));
            return new JsonObject().put("items", items);
        }).onSuccess(rc::json).onFailure(rc::fail);
    }

    private void one(RoutingContext rc, Function<ScenarioPackage, JsonObject> render) {
        String id = rc.pathParam("id");
        ready().map(base -> base.scenario(id)
                        .map(render)
                        .orElseThrow(() -> ProblemException.notFound("没有这个“一件事”场景：" + id)))
                .onSuccess(rc::json).onFailure(rc::fail);
    }

    /** Waits for the index like the knowledge base's own routes (ready a few seconds after start). */
    private Future<KnowledgeBase> ready() {
        return kb;
    }
}
