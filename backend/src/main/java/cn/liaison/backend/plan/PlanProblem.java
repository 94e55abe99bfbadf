package cn.liaison.backend.plan;

import cn.liaison.backend.platform.http.FieldError;
import cn.liaison.backend.platform.http.Problem;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.ProblemType;
import java.util.List;

/** The problems the plan feature answers with (rendered as problem+json by the one failure handler). */
final class PlanProblem {

    private PlanProblem() {
    }

    static ProblemException invalid(String field, String message) {
        return ProblemException.invalid(message, List.of(new FieldError(field, message)));
    }

    static ProblemException notFound() {
        return ProblemException.notFound("服务方案不存在");
    }

    static ProblemException notFoundStep() {
        return ProblemException.notFound("步骤不存在");
    }

    static ProblemException forbidden(String message) {
        return new ProblemException(Problem.of(ProblemType.FORBIDDEN, message, List.of()));
    }

    static ProblemException conflict(String message) {
        return ProblemException.conflict(message);
    }
}
