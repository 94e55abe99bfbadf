package cn.liaison.backend.wecom;

/** WeCom answered with an error code, or could not be reached; the message is what staff see. */
public final class WecomException extends RuntimeException implements cn.liaison.backend.platform.telemetry.ErrorCoded {

    private final int code;

    public WecomException(int code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    @Override
    public int errorCode() {
        return code();
    }

    /** WeCom's errcode; -1 when WeCom was not reached. */
    public int code() {
        return code;
    }
}
