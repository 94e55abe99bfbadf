package cn.liaison.backend.org;

import cn.liaison.backend.platform.Published;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the unit tree (市 → 区 → 园区). Answers come from an in-memory copy that is kept fresh. */
@Published
public interface UnitDirectory {

    Future<Optional<Unit>> find(String id);

    /** A district by name, with or without the trailing 区 ("浦口区" or "浦口"). */
    Future<Optional<Unit>> districtByName(String name);

    /** The unit and every unit below it; empty when the unit does not exist. */
    Future<Set<String>> subtreeIds(String unitId);

    /** Every unit, parents before children. */
    Future<List<Unit>> all();
}
