package cn.liaison.bots.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * A complaint or demand being collected over several turns. {@code projectId} is set when the user
 * picked one of their projects; {@code projectName} holds what they typed otherwise ("无" = none).
 *
 * @param key           the idempotency key the request is submitted with, fixed when collection starts
 * @param district      the district (区) the user named, e.g. "浦口区"
 * @param needsDistrict the user is bound to no enterprise, so nothing else places the request: ask for
 *                      the district unless a project does (otherwise every such request waits for city review)
 */
public record RequestDraft(String key, String type, String description, String projectId, String projectName,
                           String contactName, String contactPhone, String district, boolean needsDistrict) {

    public RequestDraft(String key, String type, String description, String projectId, String projectName,
                        String contactName, String contactPhone) {
        this(key, type, description, projectId, projectName, contactName, contactPhone, null, false);
    }

    public static final String DESCRIPTION = "description";
    public static final String PROJECT = "project";
    public static final String CONTACT_NAME = "contactName";
    public static final String CONTACT_PHONE = "contactPhone";
    public static final String DISTRICT = "district";

    /** What is still missing, in the order the bot asks for it. */
    public List<String> missing() {
        List<String> out = new ArrayList<>();
        if (blank(description)) {
            out.add(DESCRIPTION);
        }
        if (projectId == null && blank(projectName)) {
            out.add(PROJECT);
        }
        if (needsDistrict && projectId == null && blank(district)) {
            out.add(DISTRICT);
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
            case DESCRIPTION -> new RequestDraft(key, type, value, projectId, projectName, contactName, contactPhone, district, needsDistrict);
            case PROJECT -> new RequestDraft(key, type, description, null, value, contactName, contactPhone, district, needsDistrict);
            case CONTACT_NAME -> new RequestDraft(key, type, description, projectId, projectName, value, contactPhone, district, needsDistrict);
            case CONTACT_PHONE -> new RequestDraft(key, type, description, projectId, projectName, contactName, value, district, needsDistrict);
            case DISTRICT -> new RequestDraft(key, type, description, projectId, projectName, contactName, contactPhone, value, needsDistrict);
            default -> throw new IllegalArgumentException(field);
        };
    }

    public RequestDraft withType(String newType) {
        return new RequestDraft(key, newType, description, projectId, projectName, contactName, contactPhone, district, needsDistrict);
    }

    public RequestDraft withProject(String id, String name) {
        return new RequestDraft(key, type, description, id, name, contactName, contactPhone, district, needsDistrict);
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
