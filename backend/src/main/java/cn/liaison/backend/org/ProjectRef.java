package cn.liaison.backend.org;

import cn.liaison.backend.platform.Published;

import java.util.Objects;

/**
 * What other features need to know of a construction project: whose it is, where, and the liaison
 * assigned to it (null when none). A later issue gives projects their full shape.
 */
@Published
public record ProjectRef(String id, String name, String enterpriseId, String districtUnitId, String parkId, String liaisonId) {

    public ProjectRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(enterpriseId, "enterpriseId");
        Objects.requireNonNull(districtUnitId, "districtUnitId");
    }
}
