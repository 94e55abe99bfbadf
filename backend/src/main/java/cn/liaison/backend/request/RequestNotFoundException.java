package cn.liaison.backend.request;

/** No such request, or none the caller may see: the two are deliberately indistinguishable (404). */
public final class RequestNotFoundException extends RuntimeException {

    public RequestNotFoundException(String id) {
        super("诉求 " + id + " 不存在", null, false, false);
    }
}
