package cn.liaison.kb.scenario;

import cn.liaison.kb.content.ContentError;
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

/** A YAML mapping read field by field, reporting problems as {@code file:line: reason}. */
final class YamlNodes {
    private final String file;
    private final Node node;
    private final Map<String, Node> keys = new LinkedHashMap<>();
    private final Map<String, Node> values = new LinkedHashMap<>();
    private final List<ContentError> errors;

    private YamlNodes(String file, MappingNode node, List<ContentError> errors) {
        this.file = file;
        this.node = node;
        this.errors = errors;
        for (NodeTuple tuple : node.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                if (keys.putIfAbsent(key.getValue(), key) != null) {
                    errors.add(new ContentError(file, line(key), "字段 '" + key.getValue() + "' 重复"));
                }
                values.put(key.getValue(), tuple.getValueNode());
            } else {
                errors.add(new ContentError(file, line(tuple.getKeyNode()), "字段名必须是普通文本"));
            }
        }
    }

    static Optional<YamlNodes> of(String file, Node node, List<ContentError> errors, String what) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(new YamlNodes(file, mapping, errors));
        }
        errors.add(new ContentError(file, node == null ? 1 : line(node), what + "必须是由字段组成的映射（key: value）"));
        return Optional.empty();
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    String file() {
        return file;
    }

    int line() {
        return line(node);
    }

    int line(String key) {
        Node key0 = keys.get(key);
        return key0 == null ? line() : line(key0);
    }

    boolean has(String key) {
        return values.containsKey(key) && !isNull(values.get(key));
    }

    void error(String key, String reason) {
        errors.add(new ContentError(file, line(key), reason));
    }

    void errorAt(Node at, String reason) {
        errors.add(new ContentError(file, line(at), reason));
    }

    void allowOnly(Set<String> allowed, String context) {
        for (String key : keys.keySet()) {
            if (!allowed.contains(key)) {
                error(key, "未知字段 '" + key + "'" + context);
            }
        }
    }

    String text(String key, boolean required) {
        Node value = values.get(key);
        if (value == null || isNull(value)) {
            if (required) {
                error(key, "缺少字段 '" + key + "'");
            }
            return null;
        }
        if (!(value instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            errorAt(value, "'" + key + "' 必须是非空文本");
            return null;
        }
        return scalar.getValue().strip();
    }

    Boolean bool(String key) {
        String text = text(key, false);
        if (text == null) {
            return null;
        }
        if (!text.equals("true") && !text.equals("false")) {
            errorAt(values.get(key), "'" + key + "' 只能是 true 或 false：" + text);
            return null;
        }
        return Boolean.valueOf(text);
    }

    /** A list of texts; each element's node is kept for line numbers. */
    List<ScalarNode> scalars(String key, boolean required) {
        List<ScalarNode> out = new ArrayList<>();
        for (Node item : items(key, required)) {
            if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                out.add(scalar);
            } else {
                errorAt(item, "'" + key + "' 的每一项都必须是非空文本");
            }
        }
        return out;
    }

    List<String> texts(String key, boolean required) {
        return scalars(key, required).stream().map(s -> s.getValue().strip()).toList();
    }

    List<YamlNodes> maps(String key, boolean required) {
        List<YamlNodes> out = new ArrayList<>();
        for (Node item : items(key, required)) {
            of(file, item, errors, "'" + key + "' 的一项").ifPresent(out::add);
        }
        return out;
    }

    Optional<YamlNodes> map(String key, boolean required) {
        Node value = values.get(key);
        if (value == null || isNull(value)) {
            if (required) {
                error(key, "缺少字段 '" + key + "'");
            }
            return Optional.empty();
        }
        return of(file, value, errors, "'" + key + "'");
    }

    private List<Node> items(String key, boolean required) {
        Node value = values.get(key);
        if (value == null || isNull(value)) {
            if (required) {
                error(key, "缺少字段 '" + key + "'");
            }
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence)) {
            errorAt(value, "'" + key + "' 必须是列表");
            return List.of();
        }
        if (required && sequence.getValue().isEmpty()) {
            errorAt(value, "'" + key + "' 不能为空");
        }
        return sequence.getValue();
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().getValue().endsWith(":null");
    }
}
