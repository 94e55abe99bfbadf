package cn.liaison.backend.project;

import cn.liaison.backend.platform.http.RawRoutes;
import cn.liaison.backend.platform.auth.AuthHandler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;

/**
 * {@code GET /api/v1/projects/{id}/card.png}: the contact card as PNG. A raw route because the
 * contract validator accepts no image media types; it signs the caller in with the same bearer
 * handler the contract uses, and the project's scope rules decide (404 outside it).
 */
public final class ProjectCardRoutes implements RawRoutes {

    private final ProjectModule module;
    private final AuthHandler auth;

    public ProjectCardRoutes(ProjectModule module, AuthHandler auth) {
        this.module = module;
        this.auth = auth;
    }

    @Override
    public void register(Router router) {
        router.get("/api/v1/projects/:id/card.png").handler(auth).handler(rc -> {
            String id = rc.pathParam("id");
            if (id == null || id.length() > 64) {
                rc.fail(cn.liaison.backend.platform.http.ProblemException.notFound("项目不存在"));
                return;
            }
            ProjectRoutes.call(() -> module.cards().png(id, AuthHandler.principal(rc)))
                    .onSuccess(png -> rc.response()
                            .putHeader("Content-Type", "image/png")
                            .putHeader("Content-Disposition", "inline; filename=\"card-" + id + ".png\"")
                            .putHeader("Cache-Control", "private, max-age=60")
                            .end(Buffer.buffer(png)))
                    .onFailure(e -> rc.fail(ProjectRoutes.translate(e)));
        });
    }
}
