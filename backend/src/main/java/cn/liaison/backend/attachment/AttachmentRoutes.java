package cn.liaison.backend.attachment;

import cn.liaison.backend.platform.auth.AuthHandler;
import cn.liaison.backend.platform.auth.Principal;
import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.project.ProjectModule;
import cn.liaison.backend.request.Actor;
import cn.liaison.backend.request.RequestProblems;
import cn.liaison.backend.request.RequestService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.nio.file.Path;

/**
 * <pre>
 *   POST /api/v1/requests/{id}/attachments                     uploadRequestAttachment  (body: the file's bytes)
 *   GET  /api/v1/requests/{id}/attachments                     listRequestAttachments
 *   POST /api/v1/projects/{id}/visits/{visitId}/attachments    uploadVisitAttachment
 *   GET  /api/v1/projects/{id}/visits/{visitId}/attachments    listVisitAttachments
 *   GET  /api/v1/attachments/{id}                              downloadAttachment (?size=phone)
 * </pre>
 * Who may reach a file is decided by what it belongs to: the request (as {@code getRequest} scopes
 * it) or the site visit's project.
 */
final class AttachmentRoutes implements Routes {

    private final Vertx vertx;
    private final Attachments attachments;
    private final Downloads downloads;
    private final RequestService requests;
    private final ProjectModule projects;
    private final Path uploads;
    private final long maxBytes;

    AttachmentRoutes(Vertx vertx, Attachments attachments, Downloads downloads, RequestService requests,
                     ProjectModule projects, Path uploads, long maxBytes) {
        this.vertx = vertx;
        this.attachments = attachments;
        this.downloads = downloads;
        this.requests = requests;
        this.projects = projects;
        this.uploads = uploads;
        this.maxBytes = maxBytes;
    }

    @Override
    public void register(RouterBuilder builder) {
        builder.getRoute("uploadRequestAttachment").addHandler(this::uploadToRequest);
        builder.getRoute("listRequestAttachments").addHandler(this::listOfRequest);
        builder.getRoute("uploadVisitAttachment").addHandler(this::uploadToVisit);
        builder.getRoute("listVisitAttachments").addHandler(this::listOfVisit);
        builder.getRoute("downloadAttachment").addHandler(this::download);
    }

    private void uploadToRequest(RoutingContext rc) {
        Principal who = AuthHandler.principal(rc);
        String id = rc.pathParam("id");
        Attachments.On on = who.has(cn.liaison.backend.platform.auth.Role.ENTERPRISE) ? Attachments.On.REQUEST : Attachments.On.REPLY;
        upload(rc, requests.get(id, Actor.of(who)).recover(AttachmentRoutes::problem)
                .map(doc -> new Attachments.Target(on, "requestId", doc.getString("id", id), doc.getString("projectId"))));
    }

    private void uploadToVisit(RoutingContext rc) {
        Principal who = AuthHandler.principal(rc);
        String projectId = rc.pathParam("id");
        String visitId = rc.pathParam("visitId");
        upload(rc, projects.siteVisit(projectId, visitId, who, true)
                .map(v -> new Attachments.Target(Attachments.On.SITE_VISIT, "visitId", visitId, projectId)));
    }

    private void upload(RoutingContext rc, Future<Attachments.Target> allowed) {
        Principal who = AuthHandler.principal(rc);
        String name = rc.queryParams().get("name");
        allowed.compose(target -> Upload.toTempFile(vertx, rc.request(), uploads, maxBytes)
                        .compose(temp -> attachments.save(target, temp, name, who)))
                .onSuccess(saved -> rc.response().setStatusCode(201)
                        .putHeader("Content-Type", "application/json")
                        .putHeader("Location", saved.getString("url"))
                        .end(saved.encode()))
                .onFailure(e -> refuse(rc, e));
    }

    /**
     * A refusal before the whole body was read: the rest is read and dropped (nothing kept), so the
     * client, still sending, receives the answer instead of a reset connection.
     */
    private static void refuse(RoutingContext rc, Throwable e) {
        HttpServerRequest request = rc.request();
        if (!request.isEnded()) {
            request.handler(ignored -> { });
            request.exceptionHandler(ignored -> { });
            request.endHandler(null);
            request.resume();
        }
        rc.fail(e);
    }

    private void listOfRequest(RoutingContext rc) {
        Principal who = AuthHandler.principal(rc);
        String id = rc.pathParam("id");
        requests.get(id, Actor.of(who)).recover(AttachmentRoutes::problem)
                .compose(doc -> attachments.list("requestId", doc.getString("id", id)))
                .onSuccess(list -> json(rc, list))
                .onFailure(rc::fail);
    }

    private void listOfVisit(RoutingContext rc) {
        Principal who = AuthHandler.principal(rc);
        String visitId = rc.pathParam("visitId");
        projects.siteVisit(rc.pathParam("id"), visitId, who, false)
                .compose(v -> attachments.list("visitId", visitId))
                .onSuccess(list -> json(rc, list))
                .onFailure(rc::fail);
    }

    private void download(RoutingContext rc) {
        Principal who = AuthHandler.principal(rc);
        boolean phone = "phone".equals(rc.queryParams().get("size"));
        attachments.file(rc.pathParam("id"))
                .compose(file -> visible(file, who).map(file))
                .compose(file -> downloads.send(rc.response(), file, phone))
                .onFailure(e -> {
                    if (rc.response().headWritten()) {
                        rc.response().reset();
                    } else {
                        rc.fail(e);
                    }
                });
    }

    /** The file's owner decides: a request outside the person's scope, or a visit's hidden project, is a 404. */
    private Future<Void> visible(JsonObject file, Principal who) {
        if (file.getString("requestId") != null) {
            return requests.get(file.getString("requestId"), Actor.of(who)).recover(AttachmentRoutes::problem).mapEmpty();
        }
        return projects.siteVisit(file.getString("projectId"), file.getString("visitId"), who, false).mapEmpty();
    }

    private static <T> Future<T> problem(Throwable e) {
        return Future.failedFuture(RequestProblems.translate(e));
    }

    private static void json(RoutingContext rc, JsonObject body) {
        rc.response().putHeader("Content-Type", "application/json").end(body.encode());
    }
}
