package cn.liaison.bots.hotline12345;

/** What a callback to the platform reports. */
public enum CallbackEvent {
    /** 签收: a liaison signed for the order. */
    SIGNED,
    /** 办结回复: the result, with a resolution. */
    RESULT,
    /** 延期申请: more time was asked for. */
    EXTENSION_REQUESTED,
    /** 退单: the order goes back to the platform with a reason code. */
    RETURNED
}
