package cn.liaison.kb.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the structured fields of a service item (kind: item). */
final class ItemParser {
    private ItemParser() {
    }

    /** The item fields, or null when any is missing or bad (the problems are reported). */
    static ServiceItem parse(YamlMap map) {
        List<String> legalBasis = map.texts("legalBasis", true);
        if (!map.has("materials")) {
            map.error("materials", "办事事项没有材料：至少列出一项材料");
        }
        List<Material> materials = materials(map);
        List<String> steps = map.texts("steps", true);
        Integer legal = days(map, "legalTimeLimitDays");
        Integer promised = days(map, "promisedTimeLimitDays");
        String fee = map.text("fee", true);
        Where where = where(map);
        String onlineUrl = map.text("onlineUrl", false);
        if (onlineUrl != null && !onlineUrl.startsWith("http://") && !onlineUrl.startsWith("https://")) {
            map.error("onlineUrl", "onlineUrl 必须以 http:// 或 https:// 开头：" + onlineUrl);
            return null;
        }
        if (legalBasis.isEmpty() || materials.isEmpty() || steps.isEmpty() || fee == null || where == null) {
            return null;
        }
        return new ServiceItem(legalBasis, materials, steps, legal, promised, fee, where, onlineUrl);
    }

    private static Integer days(YamlMap map, String key) {
        Integer days = map.integer(key, false);
        if (days != null && days < 0) {
            map.error(key, "'" + key + "' 不能为负数");
            return null;
        }
        return days;
    }

    private static Where where(YamlMap map) {
        Optional<YamlMap> where = map.map("where", true);
        if (where.isEmpty()) {
            return null;
        }
        YamlMap fields = where.get();
        fields.allowOnly(Set.of("window", "online"), "（where 中）");
        String window = fields.text("window", false);
        String online = fields.text("online", false);
        if (window == null && online == null) {
            map.error("where", "'where' 需要填写办理窗口（window）或网上平台（online）");
            return null;
        }
        return new Where(window, online);
    }

    private static List<Material> materials(YamlMap map) {
        List<Material> materials = new ArrayList<>();
        for (YamlMap material : map.maps("materials", false)) {
            material.allowOnly(Set.of("name", "form", "copies", "note", "laterUnderCommitment",
                    "electronicLicense"), "（材料中）");
            String name = material.text("name", true);
            String formCode = material.text("form", true);
            Optional<MaterialForm> form = formCode == null ? Optional.empty() : MaterialForm.fromCode(formCode);
            if (formCode != null && form.isEmpty()) {
                material.error("form", "未知材料形式 '" + formCode
                        + "'（应为 original | copy | original-and-copy | electronic）");
            }
            Integer copies = material.integer("copies", false);
            if (copies != null && copies < 1) {
                material.error("copies", "'copies' 至少为 1");
            }
            String note = material.text("note", false);
            Boolean later = material.bool("laterUnderCommitment");
            Boolean electronicLicense = material.bool("electronicLicense");
            if (name != null && form.isPresent() && (copies == null || copies >= 1)) {
                materials.add(new Material(name, form.get(), copies == null ? 1 : copies, note,
                        Boolean.TRUE.equals(later), Boolean.TRUE.equals(electronicLicense)));
            }
        }
        return materials;
    }
}
