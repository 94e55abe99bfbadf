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
 * @param roles        the user's role names, passed back to the backend's ports
 * @param unitId       a staff user's unit (staff may try the bot too), else null
 */
public record ChatUser(String userId, String name, String enterpriseId, String contactName, String contactPhone,
                       List<Project> projects, List<String> roles, String unitId) {

    public ChatUser {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        projects = List.copyOf(projects);
        roles = List.copyOf(roles);
    }

    public record Project(String id, String name) {
    }
}
