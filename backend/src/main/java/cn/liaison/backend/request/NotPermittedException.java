package cn.liaison.backend.request;

/** The actor can see the request but may not take this action on it (HTTP 403). */
public final class NotPermittedException extends RuntimeException {

    public NotPermittedException(Action action) {
        super("当前账号不能对该诉求执行「" + action.label() + "」", null, false, false);
    }
}
