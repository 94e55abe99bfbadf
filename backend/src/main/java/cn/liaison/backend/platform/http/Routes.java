package cn.liaison.backend.platform.http;

import io.vertx.ext.web.openapi.router.RouterBuilder;

/** A feature's HTTP routes: attaches a handler to each of its operations in the contract. */
public interface Routes {

    void register(RouterBuilder builder);
}
