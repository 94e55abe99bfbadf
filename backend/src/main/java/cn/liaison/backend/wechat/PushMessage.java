package cn.liaison.backend.wechat;

import java.util.Objects;

/**
 * One message or event WeChat pushed to us (客服消息推送), after signature check and decryption.
 *
 * @param fromUser the sender's openid
 * @param msgId    null for events
 * @param event    the event name for {@code msgType == "event"}, else null
 */
public record PushMessage(String toUser, String fromUser, long createTime, String msgType, String content,
                          String msgId, String event) {

    public PushMessage {
        Objects.requireNonNull(fromUser, "fromUser");
        Objects.requireNonNull(msgType, "msgType");
    }

    /**
     * What identifies WeChat's retries of this push: the MsgId, or for events (which have none) the
     * sender and creation time.
     */
    public String dedupeKey() {
        return msgId != null && !msgId.isBlank() ? "msg:" + msgId : "event:" + fromUser + ":" + createTime;
    }

    public boolean isText() {
        return "text".equals(msgType) && content != null && !content.isBlank();
    }
}
