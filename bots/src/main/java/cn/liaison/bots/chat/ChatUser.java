package cn.liaison.bots.chat;

import java.util.List;
import java.util.Objects;

/**
 * The person chatting, as the backend knows them.
 *
 * @param enterpriseId null until the user is bound to an enterprise
 * @param contactName  a default for the request's contact, may be null
 * @param contactPhone a default for the request's contact, may be null
 * @param projects     the enterprise's projects the user can pick from (empty when unbound)
 */
public record ChatUser(String userId, String name, String enterpriseId, String contactName, String contactPhone,
                       List<Project> projects) {

    public ChatUser {
        Objects.requireNonNull(userId, "userId");
        projects = List.copyOf(projects);
    }

    public record Project(String id, String name) {
    }
}
