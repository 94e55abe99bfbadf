package cn.liaison.kb.content;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read through SnakeYAML's node API, so that every problem carries the line it is
 * on. Accessors report problems and return null or empty values instead of throwing.
 */
final class YamlMap {
    private final String file;
    private final Node node;
    private final Problems problems;
    private final Map<String, NodeTuple> fields = new LinkedHashMap<>();

    private YamlMap(String file, MappingNode node, Problems problems) {
        this.file = file;
        this.node = node;
        this.problems = problems;
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.add(file, line(tuple.getKeyNode()), "字段名必须是普通文本");
            } else if (fields.putIfAbsent(key.getValue(), tuple) != null) {
                problems.add(file, line(key), "字段 '" + key.getValue() + "' 重复");
            }
        }
    }

    /** The mapping at {@code node}, or empty (with a problem reported) when it is not a mapping. */
    static Optional<YamlMap> of(String file, Node node, Problems problems, String what) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(new YamlMap(file, mapping, problems));
        }
        problems.add(file, node == null ? 1 : line(node), what + "必须是由字段组成的映射（key: value）");
        return Optional.empty();
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    int line() {
        return line(node);
    }

    int line(String key) {
        NodeTuple tuple = fields.get(key);
        return tuple == null ? line() : line(tuple.getKeyNode());
    }

    String file() {
        return file;
    }

    boolean has(String key) {
        return fields.containsKey(key) && !isNull(fields.get(key).getValueNode());
    }

    void error(String key, String reason) {
        problems.add(file, line(key), reason);
    }

    void allowOnly(Set<String> allowed, String context) {
        fields.forEach((key, tuple) -> {
            if (!allowed.contains(key)) {
                problems.add(file, line(tuple.getKeyNode()), "未知字段 '" + key + "'" + context);
            }
        });
    }

    /** The value node of a present, non-null field; reports a missing required field. */
    private Node value(String key, boolean required) {
        NodeTuple tuple = fields.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            if (required) {
                problems.add(file, line(key), "缺少必填字段 '" + key + "'");
            }
            return null;
        }
        return tuple.getValueNode();
    }

    /** The text of a scalar field without reporting anything (null when absent or not text). */
    String peekText(String key) {
        NodeTuple tuple = fields.get(key);
        if (tuple == null || isNull(tuple.getValueNode()) || !(tuple.getValueNode() instanceof ScalarNode scalar)) {
            return null;
        }
        return scalar.getValue().strip();
    }

    String text(String key, boolean required) {
        Node value = value(key, required);
        if (value == null) {
            return null;
        }
        if (!(value instanceof ScalarNode scalar)) {
            problems.add(file, line(value), "'" + key + "' 必须是文本");
            return null;
        }
        String text = scalar.getValue().strip();
        if (text.isEmpty()) {
            problems.add(file, line(value), required ? "'" + key + "' 不能为空" : "'" + key + "' 为空：不填请写 null");
            return null;
        }
        return text;
    }

    Integer integer(String key, boolean required) {
        String text = text(key, required);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            problems.add(file, line(fields.get(key).getValueNode()), "'" + key + "' 必须是整数：" + text);
            return null;
        }
    }

    Boolean bool(String key) {
        String text = text(key, false);
        if (text == null) {
            return null;
        }
        if (!text.equals("true") && !text.equals("false")) {
            problems.add(file, line(fields.get(key).getValueNode()), "'" + key + "' 只能是 true 或 false：" + text);
            return null;
        }
        return Boolean.valueOf(text);
    }

    LocalDate date(String key, boolean required) {
        String text = text(key, required);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(file, line(fields.get(key).getValueNode()), "'" + key + "' 的日期无效：" + text + "（应为 YYYY-MM-DD）");
            return null;
        }
    }

    /** A list of text items; a single scalar is not accepted. */
    List<String> texts(String key, boolean required) {
        List<String> result = new ArrayList<>();
        for (Node item : items(key, required)) {
            if (item instanceof ScalarNode scalar && !isNull(item) && !scalar.getValue().isBlank()) {
                result.add(scalar.getValue().strip());
            } else {
                problems.add(file, line(item), "'" + key + "' 的每一项都必须是非空文本");
            }
        }
        return result;
    }

    List<YamlMap> maps(String key, boolean required) {
        List<YamlMap> result = new ArrayList<>();
        for (Node item : items(key, required)) {
            of(file, item, problems, "'" + key + "' 的一项").ifPresent(result::add);
        }
        return result;
    }

    Optional<YamlMap> map(String key, boolean required) {
        Node value = value(key, required);
        return value == null ? Optional.empty() : of(file, value, problems, "'" + key + "'");
    }

    List<Node> items(String key, boolean required) {
        Node value = value(key, required);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence)) {
            problems.add(file, line(value), "'" + key + "' 必须是列表");
            return List.of();
        }
        if (sequence.getValue().isEmpty() && required) {
            problems.add(file, line(value), "'" + key + "' 不能为空");
        }
        return sequence.getValue();
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }
}
