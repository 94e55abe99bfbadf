package cn.liaison.backend.org;

/** A unit that would break the tree's rules; {@code field} names the offending input. */
public final class UnitRuleViolation extends RuntimeException {

    private final String field;

    public UnitRuleViolation(String field, String detail) {
        super(detail, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
