package cn.liaison.backend.request;

import cn.liaison.backend.org.Unit;
import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.org.UnitLevel;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * The district (区) a handling unit belongs to. Whoever places a request in a unit also places it in
 * that unit's district, so the ledger's filters and the monthly summary count it there, and the API
 * shows the district's name next to its id.
 */
final class Districts {

    private final UnitDirectory units;

    Districts(UnitDirectory units) {
        this.units = units;
    }

    /** The district of {@code unitId}: the unit itself, or its parent for a park; empty for the city. */
    Future<Optional<Unit>> of(String unitId) {
        if (unitId == null) {
            return Future.succeededFuture(Optional.empty());
        }
        return units.find(unitId).compose(found -> {
            if (found.isEmpty() || found.get().level() == UnitLevel.CITY) {
                return Future.succeededFuture(Optional.<Unit>empty());
            }
            return found.get().level() == UnitLevel.DISTRICT ? Future.succeededFuture(found)
                    : of(found.get().parentId());
        });
    }

    /** Records the unit's district on a change (nothing for the city: the district stays as it was). */
    Future<Void> placeIn(String unitId, Change change) {
        return of(unitId).map(district -> {
            district.ifPresent(d -> change.set("district", d.id()).set("districtName", d.name()));
            return null;
        });
    }

    /** Sets {@code district} and {@code districtName} in a $set document when the unit lies in a district. */
    Future<JsonObject> place(String unitId, JsonObject set) {
        return of(unitId).map(district -> {
            district.ifPresent(d -> set.put("district", d.id()).put("districtName", d.name()));
            return set;
        });
    }
}
