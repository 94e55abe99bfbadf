package cn.liaison.backend.demo;

import cn.liaison.backend.identity.LoginService;
import cn.liaison.backend.identity.MongoUsers;
import cn.liaison.backend.identity.PasswordHasher;
import cn.liaison.backend.org.MongoEnterprises;
import cn.liaison.backend.org.MongoProjects;
import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Demo accounts and data on the first embedded start; never with an external database. */
public final class DemoFeature implements Feature {

    private static final Logger LOG = LoggerFactory.getLogger(DemoFeature.class);

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public Future<Void> start(Platform platform) {
        if (!platform.embedded()) {
            LOG.info("Demo data: not created (external MongoDB)");
            return Future.succeededFuture();
        }
        return new DemoData(platform.vertx(), platform.ports().require(MongoUsers.class),
                platform.ports().require(MongoEnterprises.class), platform.ports().require(MongoProjects.class),
                platform.ports().require(LoginService.class), platform.ports().require(PasswordHasher.class),
                platform.dataDir())
                .createOnFirstStart()
                .onSuccess(created -> {
                    if (created.isEmpty()) {
                        LOG.info("Demo data: users exist, nothing created");
                    } else {
                        LOG.info("Demo data: {} accounts created; passwords in {}", created.size(),
                                platform.dataDir().resolve(DemoData.FILE));
                    }
                })
                .mapEmpty();
    }
}
