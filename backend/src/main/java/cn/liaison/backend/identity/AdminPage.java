package cn.liaison.backend.identity;

import cn.liaison.backend.platform.http.RawRoutes;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The staff administration page (人员管理), {@code /admin/}: static HTML and JavaScript from
 * {@code webroot/admin} that signs in with a password and calls the staff API with the token.
 */
public final class AdminPage implements RawRoutes {

    @Override
    public void register(Router router) {
        router.getWithRegex("/admin").handler(rc -> rc.redirect("/admin/"));
        router.get("/admin/*").handler(StaticHandler.create("webroot/admin").setIndexPage("index.html"));
    }
}
