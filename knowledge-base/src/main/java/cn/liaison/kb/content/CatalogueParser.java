package cn.liaison.kb.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code topics.yaml} and {@code forward.yaml}. */
final class CatalogueParser {
    private static final Pattern TOPIC_ID = Pattern.compile("[a-z]+(\\.[a-z0-9]+(-[a-z0-9]+)*)+");

    private CatalogueParser() {
    }

    static List<Topic> topics(YamlMap root) {
        root.allowOnly(Set.of("topics"), "（topics.yaml 只有一个字段：topics）");
        List<Topic> topics = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (YamlMap topic : root.maps("topics", true)) {
            topic.allowOnly(Set.of("id", "title", "description"), "（主题中）");
            String id = topic.text("id", true);
            String title = topic.text("title", true);
            String description = topic.text("description", false);
            if (id != null && !TOPIC_ID.matcher(id).matches()) {
                topic.error("id", "主题编号 '" + id + "' 应形如 分组.名称（小写字母、数字、连字符）");
                continue;
            }
            if (id != null && seen.putIfAbsent(id, topic.line("id")) != null) {
                topic.error("id", "主题编号 '" + id + "' 重复（首次出现在第 " + seen.get(id) + " 行）");
                continue;
            }
            if (id != null && title != null) {
                topics.add(new Topic(id, title, description));
            }
        }
        return topics;
    }

    static ForwardRules forward(YamlMap root) {
        root.allowOnly(Set.of("departments", "anchors"), "（forward.yaml 只有两个字段：departments、anchors）");
        List<ForwardRule> rules = new ArrayList<>();
        for (YamlMap department : root.maps("departments", true)) {
            department.allowOnly(Set.of("department", "phone", "matters", "keywords", "examples"), "（部门中）");
            String name = department.text("department", true);
            String phone = department.text("phone", false);
            List<String> matters = department.texts("matters", false);
            List<String> keywords = department.texts("keywords", false);
            List<String> examples = department.texts("examples", false);
            if (matters.isEmpty() && keywords.isEmpty()) {
                department.error("department", "部门需要填写 matters（事项）或 keywords（关键词）");
                continue;
            }
            Optional.ofNullable(name).ifPresent(n -> rules.add(new ForwardRule(n, phone, matters, keywords, examples)));
        }
        return new ForwardRules(rules, root.texts("anchors", false));
    }
}
