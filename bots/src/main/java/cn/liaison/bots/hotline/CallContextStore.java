package cn.liaison.bots.hotline;

import io.vertx.core.Future;
import java.util.Optional;

/** Outgoing port: what the assistant remembers of one call between turns (kept with a time to live). */
public interface CallContextStore {

    Future<Optional<CallContext>> load(String callId);

    Future<Void> save(String callId, CallContext context);
}
