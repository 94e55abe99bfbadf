package cn.liaison.backend.request;

import cn.liaison.backend.platform.Published;

import cn.liaison.backend.platform.http.FieldError;
import cn.liaison.backend.platform.http.ProblemException;
import cn.liaison.backend.platform.http.ProblemType;
import java.util.List;

/** The request feature's exceptions as HTTP problems. */
@Published
public final class RequestProblems {

    private RequestProblems() {
    }

    public static Throwable translate(Throwable error) {
        if (error instanceof ActionNotAllowedException e) {
            return ProblemException.of(ProblemType.CONFLICT, e.getMessage());
        }
        if (error instanceof UrgeTooSoonException e) {
            return ProblemException.of(ProblemType.TOO_MANY_REQUESTS, e.getMessage());
        }
        if (error instanceof RequestTextSearch.SearchUnavailableException e) {
            return ProblemException.of(ProblemType.UNAVAILABLE, e.getMessage());
        }
        if (error instanceof NotPermittedException e) {
            return ProblemException.of(ProblemType.FORBIDDEN, e.getMessage());
        }
        if (error instanceof RequestNotFoundException e) {
            return ProblemException.notFound(e.getMessage());
        }
        if (error instanceof InvalidInputException e) {
            return ProblemException.invalid(e.getMessage(), List.of(new FieldError(e.field(), e.getMessage())));
        }
        return error;
    }
}
