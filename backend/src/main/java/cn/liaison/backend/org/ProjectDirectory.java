package cn.liaison.backend.org;

import cn.liaison.backend.platform.Published;

import io.vertx.core.Future;
import java.util.Optional;

/** Looks projects up. */
@Published
public interface ProjectDirectory {

    Future<Optional<ProjectRef>> find(String id);
}
