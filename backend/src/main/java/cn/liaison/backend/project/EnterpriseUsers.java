package cn.liaison.backend.project;

import cn.liaison.backend.platform.Published;
import io.vertx.core.Future;
import java.util.List;

/** Outgoing port: the active user accounts of an enterprise (who to tell about its projects). */
@Published
@FunctionalInterface
public interface EnterpriseUsers {

    Future<List<String>> idsOf(String enterpriseId);
}
