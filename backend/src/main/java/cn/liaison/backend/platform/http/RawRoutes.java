package cn.liaison.backend.platform.http;

import io.vertx.ext.web.Router;

/**
 * Routes the OpenAPI contract cannot describe to its validator: static pages, Server-Sent Events,
 * the WeChat push endpoint's XML. They are added to the router after the contract's routes, share
 * its request ids, body limit, access log and problem+json failure handling, and must validate
 * their own input.
 */
public interface RawRoutes {

    void register(Router router);
}
