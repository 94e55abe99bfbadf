package cn.liaison.backend.request;

import cn.liaison.backend.platform.Published;

import io.vertx.core.json.JsonObject;

/**
 * Told after every stored change of a request (creation, each action, scheduler events), with the
 * request as stored after the change. Used for live updates; must not block and must not fail the
 * change: exceptions are logged and ignored.
 */
@FunctionalInterface
@Published
public interface RequestListener {

    void changed(JsonObject request, Action action);
}
