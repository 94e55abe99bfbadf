package cn.liaison.backend.inspection;

import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.RawRoutes;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.function.BiFunction;

/**
 * Routes the contract cannot describe: the enterprise code as PNG (the validator accepts no image
 * types; the same bearer handler signs the caller in, the same scope decides) and the phone-size
 * scan page.
 * <pre>
 *   GET /api/v1/enterprises/{id}/code.png        the QR code
 *   GET /api/v1/enterprises/{id}/code-card.png   the printable card
 *   GET /inspect/                                the scan page (signs in itself, then calls the JSON API)
 * </pre>
 */
final class InspectionPages implements RawRoutes {

    private final EnterpriseInspections enterprise;
    private final AuthHandler auth;
    private final WorkerExecutor workers;
    private final CodeImages images = new CodeImages();
    private final java.util.Optional<String> publicBase;

    InspectionPages(EnterpriseInspections enterprise, AuthHandler auth, WorkerExecutor workers, java.util.Optional<String> publicBase) {
        this.publicBase = publicBase;
        this.enterprise = enterprise;
        this.auth = auth;
        this.workers = workers;
    }

    @Override
    public void register(Router router) {
        router.get("/api/v1/enterprises/:id/code.png").handler(auth)
                .handler(rc -> png(rc, "code", (name, url) -> images.qrPng(url)));
        router.get("/api/v1/enterprises/:id/code-card.png").handler(auth)
                .handler(rc -> png(rc, "code-card", images::cardPng));
        router.getWithRegex("/inspect").handler(rc -> rc.redirect("/inspect/"));
        router.get("/inspect/*").handler(StaticHandler.create("webroot/inspect").setIndexPage("index.html"));
    }

    private void png(RoutingContext rc, String what, BiFunction<String, String, byte[]> draw) {
        String id = rc.pathParam("id");
        if (id == null || id.length() > 64) {
            rc.fail(ProblemException.notFound("企业不存在"));
            return;
        }
        String origin = InspectionRoutes.origin(rc, publicBase);
        Future<byte[]> png = enterprise.code(id, AuthHandler.principal(rc), origin)
                .compose(code -> workers.executeBlocking(() -> draw.apply(code.getString("enterpriseName"), code.getString("url")), false));
        png.onSuccess(bytes -> rc.response().putHeader("Content-Type", "image/png")
                        .putHeader("Content-Disposition", "inline; filename=\"" + what + "-" + id + ".png\"")
                        .putHeader("Cache-Control", "private, no-store")
                        .end(Buffer.buffer(bytes)))
                .onFailure(rc::fail);
    }
}
