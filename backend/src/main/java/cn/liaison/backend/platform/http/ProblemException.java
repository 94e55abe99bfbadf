package cn.liaison.backend.platform.http;

import java.util.List;

/**
 * Thrown (or passed to {@code RoutingContext.fail}) anywhere a request cannot be served; the
 * failure handler renders its {@link Problem}. Domain code throws its own typed exceptions and
 * feature routes translate them into this.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException of(ProblemType type, String detail) {
        return new ProblemException(Problem.of(type, detail));
    }

    public static ProblemException invalid(String detail, List<FieldError> errors) {
        return new ProblemException(Problem.of(ProblemType.VALIDATION, detail, errors));
    }

    public static ProblemException notFound(String detail) {
        return of(ProblemType.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return of(ProblemType.CONFLICT, detail);
    }
}
