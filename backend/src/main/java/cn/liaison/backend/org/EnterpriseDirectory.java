package cn.liaison.backend.org;

import io.vertx.core.Future;
import java.util.Optional;

/** Looks enterprises up. */
public interface EnterpriseDirectory {

    Future<Optional<Enterprise>> find(String id);
}
