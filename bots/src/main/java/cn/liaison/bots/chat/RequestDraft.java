package cn.liaison.bots.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * A complaint or demand being collected over several turns. {@code projectId} is set when the user
 * picked one of their projects; {@code projectName} holds what they typed otherwise ("无" = none).
 *
 * @param key the idempotency key the request is submitted with, fixed when collection starts
 */
public record RequestDraft(String key, String type, String description, String projectId, String projectName,
                           String contactName, String contactPhone) {

    public static final String DESCRIPTION = "description";
    public static final String PROJECT = "project";
    public static final String CONTACT_NAME = "contactName";
    public static final String CONTACT_PHONE = "contactPhone";

    /** What is still missing, in the order the bot asks for it. */
    public List<String> missing() {
        List<String> out = new ArrayList<>();
        if (blank(description)) {
            out.add(DESCRIPTION);
        }
        if (projectId == null && blank(projectName)) {
            out.add(PROJECT);
        }
        if (blank(contactName)) {
            out.add(CONTACT_NAME);
        }
        if (blank(contactPhone)) {
            out.add(CONTACT_PHONE);
        }
        return out;
    }

    public RequestDraft with(String field, String value) {
        return switch (field) {
            case DESCRIPTION -> new RequestDraft(key, type, value, projectId, projectName, contactName, contactPhone);
            case PROJECT -> new RequestDraft(key, type, description, null, value, contactName, contactPhone);
            case CONTACT_NAME -> new RequestDraft(key, type, description, projectId, projectName, value, contactPhone);
            case CONTACT_PHONE -> new RequestDraft(key, type, description, projectId, projectName, contactName, value);
            default -> throw new IllegalArgumentException(field);
        };
    }

    public RequestDraft withProject(String id, String name) {
        return new RequestDraft(key, type, description, id, name, contactName, contactPhone);
    }

    /** The text the request is created with: the description, plus a project the user only named. */
    public String content() {
        boolean namedProject = projectId == null && !blank(projectName) && !RequestDraft.isNone(projectName);
        return namedProject ? description + "（项目：" + projectName + "）" : description;
    }

    static boolean isNone(String text) {
        return text != null && text.strip().matches("无|没有|暂无|不涉及|跳过");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
