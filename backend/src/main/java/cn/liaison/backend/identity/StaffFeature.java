package cn.liaison.backend.identity;

import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import io.vertx.core.Future;

/** The staff admin API (accounts of liaisons, unit heads, agents); needs the unit tree, so it starts after org. */
public final class StaffFeature implements Feature {

    @Override
    public String name() {
        return "staff";
    }

    @Override
    public Future<Void> start(Platform platform) {
        platform.route(new StaffRoutes(new StaffService(platform.stores().mongo(), platform.ports().require(UnitDirectory.class),
                platform.ports().require(LoginService.class), platform.ports().require(PasswordHasher.class), platform.clock())));
        return Future.succeededFuture();
    }
}
