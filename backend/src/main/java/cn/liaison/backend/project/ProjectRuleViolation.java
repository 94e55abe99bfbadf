package cn.liaison.backend.project;

/** Input that breaks a project rule; names the field and says in Chinese what is wrong (→ 400). */
public final class ProjectRuleViolation extends RuntimeException {

    private final String field;

    public ProjectRuleViolation(String field, String detail) {
        super(detail, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
