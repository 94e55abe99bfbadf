package cn.liaison.backend.calendar;

import java.util.List;

/** A schedule that cannot be loaded; each issue names the field ({@code holidays[2].to}) and what is wrong. */
public final class ScheduleInvalid extends IllegalArgumentException {

    public record Issue(String field, String detail) {
    }

    private final List<Issue> issues;

    public ScheduleInvalid(List<Issue> issues) {
        super(issues.stream().map(i -> i.field() + ": " + i.detail()).reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.issues = List.copyOf(issues);
    }

    public List<Issue> issues() {
        return issues;
    }
}
