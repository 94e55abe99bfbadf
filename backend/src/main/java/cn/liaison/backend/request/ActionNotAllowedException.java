package cn.liaison.backend.request;

import cn.liaison.backend.platform.Published;

/** The action cannot be taken while the request is in its current state (HTTP 409). */
@Published
public final class ActionNotAllowedException extends RuntimeException {

    private final RequestStatus current;
    private final Action action;

    public ActionNotAllowedException(RequestStatus current, Action action, String reason) {
        super("当前状态为「" + current.label() + "」（" + current.name() + "），不能" + action.label()
                + (reason == null ? "" : "：" + reason), null, false, false);
        this.current = current;
        this.action = action;
    }

    public RequestStatus current() {
        return current;
    }

    public Action action() {
        return action;
    }
}
