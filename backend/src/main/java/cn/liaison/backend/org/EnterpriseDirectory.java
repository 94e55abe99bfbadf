package cn.liaison.backend.org;

import cn.liaison.backend.platform.Published;

import io.vertx.core.Future;
import java.util.Optional;

/** Looks enterprises up. */
@Published
public interface EnterpriseDirectory {

    Future<Optional<Enterprise>> find(String id);
}
