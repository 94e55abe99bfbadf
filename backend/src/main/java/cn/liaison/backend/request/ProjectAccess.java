package cn.liaison.backend.request;

import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.org.ProjectRef;
import cn.liaison.backend.org.UnitDirectory;
import io.vertx.core.Future;
import java.util.Set;

/**
 * Whether someone may file a request about a project: exactly when they may read it (the projects
 * feature's rule): the enterprise that owns it, its liaison and the liaisons of its unit, unit heads
 * above it, city admins, and the system (12345). Anyone else is told it does not exist, so the reply
 * names no project, enterprise or liaison they could not read.
 */
final class ProjectAccess {

    private final UnitDirectory units;

    ProjectAccess(UnitDirectory units) {
        this.units = units;
    }

    Future<Boolean> mayRead(ProjectRef p, Actor actor) {
        if (actor.isSystem() || actor.has(Role.CITY_ADMIN)) {
            return Future.succeededFuture(true);
        }
        if (actor.has(Role.ENTERPRISE) && p.enterpriseId().equals(actor.enterpriseId())) {
            return Future.succeededFuture(true);
        }
        if (actor.has(Role.LIAISON) && (actor.id().equals(p.liaisonId()) || actor.unitId() != null
                && (actor.unitId().equals(p.districtUnitId()) || actor.unitId().equals(p.parkId())))) {
            return Future.succeededFuture(true);
        }
        if (actor.has(Role.UNIT_HEAD) && actor.unitId() != null) {
            return units.subtreeIds(actor.unitId()).map((Set<String> ids) -> ids.contains(p.districtUnitId())
                    || p.parkId() != null && ids.contains(p.parkId()));
        }
        return Future.succeededFuture(false);
    }
}
