package cn.liaison.backend.project;

/** No such project, or not one the person may see (→ 404 either way). */
final class ProjectNotFound extends RuntimeException {

    ProjectNotFound(String detail) {
        super(detail, null, false, false);
    }
}
