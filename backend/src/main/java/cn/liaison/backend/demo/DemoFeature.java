package cn.liaison.backend.demo;

import cn.liaison.backend.identity.LoginService;
import cn.liaison.backend.identity.UserAccounts;
import cn.liaison.backend.identity.PasswordHasher;
import cn.liaison.backend.org.EnterpriseRegister;
import cn.liaison.backend.project.ProjectRefs;
import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Demo accounts and data (DEMO=on only) on the first start. */
public final class DemoFeature implements Feature {

    private static final Logger LOG = LoggerFactory.getLogger(DemoFeature.class);

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public Future<Void> start(Platform platform) {
        if (!platform.demo()) {
            LOG.info("Demo mode: off (no demo data, no pretend WeChat login, bindings wait for staff)");
            return Future.succeededFuture();
        }
        if (!platform.embedded()) {
            LOG.warn("DEMO=on WITH AN EXTERNAL MongoDB: demo accounts are created in an empty database, anyone may "
                    + "sign in through the pretend WeChat login and demo bindings are approved at once. "
                    + "Never do this on a production database.");
        }
        return new DemoData(platform.vertx(), platform.ports().require(UserAccounts.class),
                platform.ports().require(EnterpriseRegister.class), platform.ports().require(ProjectRefs.class),
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
