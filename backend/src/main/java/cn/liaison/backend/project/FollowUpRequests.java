package cn.liaison.backend.project;

import cn.liaison.backend.platform.auth.Principal;
import io.vertx.core.Future;

/**
 * Outgoing port to the request loop: a problem found on a site visit becomes a request (channel
 * VISIT) on the project, assessed and routed like any other. Returns the request's id and number.
 */
@FunctionalInterface
public interface FollowUpRequests {

    Future<Opened> open(String projectId, String type, String content, Principal who);

    /** The request that was opened. */
    record Opened(String id, String number) {
    }
}
