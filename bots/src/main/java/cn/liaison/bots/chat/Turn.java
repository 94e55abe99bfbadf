package cn.liaison.bots.chat;

import java.util.List;

/** The bot's answer to one message. {@code restarted}: the earlier state was gone and a new conversation began. */
public record Turn(String conversationId, List<Reply> replies, boolean restarted) {
    public Turn {
        replies = List.copyOf(replies);
    }
}
