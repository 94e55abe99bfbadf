package cn.liaison.backend.org;

import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import io.vertx.core.Future;

/**
 * The unit tree (seeded on first start) and enterprises. Publishes {@link UnitDirectory},
 * {@link EnterpriseDirectory} and their Mongo implementations (for the demo data).
 */
public final class OrgFeature implements Feature {

    @Override
    public String name() {
        return "org";
    }

    @Override
    public Future<Void> start(Platform platform) {
        platform.collections(OrgCollections.UNITS, OrgCollections.ENTERPRISES);
        MongoUnits units = new MongoUnits(platform.stores().mongo());
        MongoEnterprises enterprises = new MongoEnterprises(platform.stores().mongo());
        platform.ports().publish(MongoUnits.class, units);
        platform.ports().publish(UnitDirectory.class, units);
        platform.ports().publish(EnterpriseRegister.class, enterprises);
        platform.ports().publish(EnterpriseDirectory.class, enterprises);
        platform.route(new UnitRoutes(units));
        return Future.all(units.ensureIndexes(), enterprises.ensureIndexes())
                .compose(ignored -> units.seedIfEmpty(UnitSeed.load()));
    }
}
