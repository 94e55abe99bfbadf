package cn.liaison.kb.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one {@code entries/<id>.yaml} mapping into an {@link Entry}, reporting every problem. */
final class EntryParser {
    static final int MIN_QUESTIONS = 6;

    private static final Set<String> COMMON = Set.of(
            "id", "kind", "title", "questions", "answer", "topics", "region", "effective", "sources");
    private static final Set<String> ITEM_ONLY = Set.of(
            "legalBasis", "materials", "steps", "legalTimeLimitDays", "promisedTimeLimitDays", "fee", "where",
            "onlineUrl");
    private static final Set<String> ALL;

    static {
        Set<String> all = new HashSet<>(COMMON);
        all.addAll(ITEM_ONLY);
        ALL = Set.copyOf(all);
    }

    private final Problems problems;
    private final Set<String> knownTopics;

    EntryParser(Problems problems, Set<String> knownTopics) {
        this.problems = problems;
        this.knownTopics = knownTopics;
    }

    /** The entry, or empty when the file has problems (they are reported). */
    Optional<Entry> parse(YamlMap map, String expectedId) {
        int before = problems.size();
        map.allowOnly(ALL, "");
        String id = map.text("id", true);
        if (id != null && !Entry.ID.matcher(id).matches()) {
            map.error("id", "编号 '" + id + "' 只能使用小写字母、数字和单个连字符");
        } else if (id != null && !id.equals(expectedId)) {
            map.error("id", "编号 '" + id + "' 与文件名 '" + expectedId + ".yaml' 不一致");
        }
        Kind kind = kind(map);
        String title = map.text("title", true);
        List<String> questions = questions(map);
        String answer = map.text("answer", true);
        List<String> topics = topics(map);
        String region = map.text("region", true);
        Effective effective = effective(map);
        List<Source> sources = sources(map);
        ServiceItem item = null;
        if (kind == Kind.ITEM) {
            item = ItemParser.parse(map);
        } else if (kind != null) {
            for (String key : ITEM_ONLY) {
                if (map.has(key)) {
                    map.error(key, "字段 '" + key + "' 只用于 kind: item（本条目是 " + kind.code() + "）");
                }
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Entry(id, kind, title, questions, answer, topics, region, effective, sources, item));
        } catch (IllegalArgumentException | NullPointerException e) {
            // Only reached when a check above missed something: the invariant's own text is for developers.
            problems.add(map.file(), map.line(), "条目内容不完整，请检查必填字段");
            return Optional.empty();
        }
    }

    private static Kind kind(YamlMap map) {
        String code = map.text("kind", true);
        if (code == null) {
            return null;
        }
        Optional<Kind> kind = Kind.fromCode(code).filter(k -> k != Kind.SCENARIO);
        if (kind.isEmpty()) {
            map.error("kind", "未知类型 '" + code + "'（应为 item | policy | faq | case | guide）");
        }
        return kind.orElse(null);
    }

    private List<String> questions(YamlMap map) {
        List<String> questions = map.texts("questions", true);
        if (map.has("questions") && questions.size() < MIN_QUESTIONS) {
            map.error("questions", "需要标准问法和至少 5 个变体（共 "
                    + MIN_QUESTIONS + " 个问法），现有 " + questions.size() + " 个");
        }
        Set<String> seen = new HashSet<>();
        for (String question : questions) {
            if (!seen.add(question)) {
                map.error("questions", "问法 '" + question + "' 重复");
            }
        }
        return questions;
    }

    private List<String> topics(YamlMap map) {
        List<String> topics = new ArrayList<>();
        for (Node node : map.items("topics", true)) {
            List<String> single = new ArrayList<>();
            if (node instanceof org.yaml.snakeyaml.nodes.ScalarNode scalar && !scalar.getValue().isBlank()) {
                single.add(scalar.getValue().strip());
            } else {
                problems.add(map.file(), YamlMap.line(node), "'topics' 的每一项都必须是主题编号");
            }
            for (String topic : single) {
                if (!knownTopics.contains(topic)) {
                    problems.add(map.file(), YamlMap.line(node), "未知主题 '" + topic + "'（topics.yaml 中没有）");
                }
                topics.add(topic);
            }
        }
        return topics;
    }

    private static Effective effective(YamlMap map) {
        Optional<YamlMap> effective = map.map("effective", true);
        if (effective.isEmpty()) {
            return null;
        }
        YamlMap dates = effective.get();
        dates.allowOnly(Set.of("from", "to"), "（effective 中）");
        LocalDate from = dates.date("from", true);
        LocalDate to = dates.date("to", false);
        if (from == null) {
            return null;
        }
        if (to != null && to.isBefore(from)) {
            dates.error("to", "日期范围无效：'to' " + to + " 早于 'from' " + from);
            return null;
        }
        return new Effective(from, to);
    }

    private static List<Source> sources(YamlMap map) {
        List<Source> sources = new ArrayList<>();
        for (YamlMap source : map.maps("sources", true)) {
            source.allowOnly(Set.of("title", "url"), "（来源中）");
            String title = source.text("title", true);
            String url = source.text("url", false);
            if (title != null) {
                sources.add(new Source(title, url));
            }
        }
        return sources;
    }
}
