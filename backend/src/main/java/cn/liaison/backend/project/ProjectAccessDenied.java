package cn.liaison.backend.project;

import java.util.List;

/** The person may see the project but not write these fields (→ 403 naming them). */
final class ProjectAccessDenied extends RuntimeException {

    private final List<String> fields;

    ProjectAccessDenied(String detail, List<String> fields) {
        super(detail, null, false, false);
        this.fields = List.copyOf(fields);
    }

    List<String> fields() {
        return fields;
    }
}
