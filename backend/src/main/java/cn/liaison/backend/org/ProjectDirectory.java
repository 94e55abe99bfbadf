package cn.liaison.backend.org;

import io.vertx.core.Future;
import java.util.Optional;

/** Looks projects up. */
public interface ProjectDirectory {

    Future<Optional<ProjectRef>> find(String id);
}
