package cn.liaison.backend.canned;

import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.platform.Feature;
import cn.liaison.backend.platform.Platform;
import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.platform.http.Routes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/**
 * 常用语 (canned replies), personal and per unit; owns {@code canned_replies}.
 *
 * <pre>
 *   GET    /api/v1/canned-replies        listCannedReplies   what the caller may insert
 *   POST   /api/v1/canned-replies        createCannedReply   personal, or a unit's (unit heads, city admins)
 *   PUT    /api/v1/canned-replies/{id}   updateCannedReply
 *   DELETE /api/v1/canned-replies/{id}   deleteCannedReply
 * </pre>
 */
public final class CannedRepliesFeature implements Feature {

    @Override
    public String name() {
        return "canned-replies";
    }

    @Override
    public Future<Void> start(Platform platform) {
        platform.collections(CannedCollections.CANNED_REPLIES);
        CannedReplies replies = new CannedReplies(platform.stores().mongo(), platform.ports().require(UnitDirectory.class),
                platform.clock());
        platform.route(new CannedReplyRoutes(replies));
        return replies.start();
    }

    private record CannedReplyRoutes(CannedReplies replies) implements Routes {
        @Override
        public void register(RouterBuilder builder) {
            builder.getRoute("listCannedReplies").addHandler(rc -> replies.usable(AuthHandler.principal(rc))
                    .onSuccess(items -> rc.json(new JsonObject().put("items", items))).onFailure(rc::fail));
            builder.getRoute("createCannedReply").addHandler(rc -> replies.create(AuthHandler.principal(rc), rc.body().asJsonObject())
                    .onSuccess(created -> rc.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                            .end(created.encode()))
                    .onFailure(rc::fail));
            builder.getRoute("updateCannedReply").addHandler(rc -> replies.update(AuthHandler.principal(rc), rc.pathParam("id"),
                    rc.body().asJsonObject()).onSuccess(rc::json).onFailure(rc::fail));
            builder.getRoute("deleteCannedReply").addHandler(rc -> replies.delete(AuthHandler.principal(rc), rc.pathParam("id"))
                    .onSuccess(v -> rc.response().setStatusCode(204).end()).onFailure(rc::fail));
        }
    }
}
