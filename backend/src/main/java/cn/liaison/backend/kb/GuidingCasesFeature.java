package cn.liaison.backend.kb;

import cn.liaison.backend.org.EnterpriseDirectory;
import cn.liaison.backend.org.ProjectDirectory;
import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import cn.liaison.backend.request.RequestModule;
import io.vertx.core.Future;

/** 指导案例: a unit head drafts a knowledge-base case from a closed request; starts after the request loop. */
public final class GuidingCasesFeature implements Feature {

    @Override
    public String name() {
        return "guiding cases";
    }

    @Override
    public Future<Void> start(Platform platform) {
        platform.route(platform.ports().require(KbModule.class).guidingCases(
                platform.ports().require(RequestModule.class).service(),
                platform.ports().require(EnterpriseDirectory.class), platform.ports().require(ProjectDirectory.class)));
        return Future.succeededFuture();
    }
}
