package cn.liaison.kb.content;

import cn.liaison.kb.scenario.Scenario;
import cn.liaison.kb.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads and validates a content folder (see {@code content/FORMAT.md}). Every problem is collected
 * and reported as {@code file:line: reason}, with file paths relative to the folder.
 */
public final class ContentLoader {
    public static final String TOPICS = "topics.yaml";
    public static final String ENTRIES = "entries";
    public static final String FORWARD = "forward.yaml";
    public static final String SYNONYMS = "synonyms.txt";
    public static final String DICTIONARY = "dictionary.txt";
    public static final String SCENARIOS = ScenarioLoader.FOLDER;

    private final Path root;
    private final Problems problems = new Problems();

    private ContentLoader(Path root) {
        this.root = root;
    }

    /** Loads the folder, or throws a {@link ContentException} listing every error. */
    public static Content load(Path root) {
        Validation validation = validate(root);
        if (!validation.valid()) {
            throw new ContentException(validation.errors());
        }
        return validation.content();
    }

    /** Loads the folder and reports errors instead of throwing. */
    public static Validation validate(Path root) {
        return new ContentLoader(root).run();
    }

    /** The outcome of validating a folder; {@code content} is null when there are errors. */
    public record Validation(Content content, List<ContentError> errors) {
        public Validation {
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private Validation run() {
        if (!Files.isDirectory(root)) {
            problems.add(root.toString(), 0, "不是知识库内容目录");
            return new Validation(null, problems.sorted());
        }
        List<Topic> topics = yaml(TOPICS, true).map(CatalogueParser::topics).orElse(List.of());
        ForwardRules forward = yaml(FORWARD, false).map(CatalogueParser::forward).orElse(ForwardRules.NONE);
        Synonyms synonyms = lines(SYNONYMS)
                .map(lines -> TextFileParser.synonyms(SYNONYMS, lines, problems))
                .orElse(Synonyms.NONE);
        List<String> dictionary = lines(DICTIONARY)
                .map(lines -> TextFileParser.dictionary(DICTIONARY, lines, problems))
                .orElse(List.of());
        Set<String> topicIds = topics.stream().map(Topic::id).collect(Collectors.toSet());
        List<Entry> entries = entries(topicIds);
        // scenarios/ (一件事): checked against the entries; see cn.liaison.kb.scenario
        List<ContentError> scenarioErrors = new ArrayList<>();
        List<Scenario> scenarios = ScenarioLoader.load(root, entries, topicIds, scenarioErrors);
        scenarioErrors.forEach(e -> problems.add(e.file(), e.line(), e.reason()));
        if (!problems.isEmpty()) {
            return new Validation(null, problems.sorted());
        }
        return new Validation(new Content(topics, entries, forward, synonyms, dictionary, scenarios), List.of());
    }

    private List<Entry> entries(Set<String> topicIds) {
        Path dir = root.resolve(ENTRIES);
        if (!Files.isDirectory(dir)) {
            problems.add(ENTRIES, 0, "缺少目录 entries/");
            return List.of();
        }
        EntryParser parser = new EntryParser(problems, topicIds);
        List<Entry> entries = new ArrayList<>();
        Map<String, String> fileById = new HashMap<>();
        for (Path path : list(dir)) {
            String name = path.getFileName().toString();
            String file = ENTRIES + "/" + name;
            if (name.startsWith(".") || Files.isDirectory(path)) {
                continue;
            }
            if (!name.endsWith(".yaml")) {
                problems.add(file, 0, "多余的文件：条目文件应命名为 <编号>.yaml");
                continue;
            }
            String expectedId = name.substring(0, name.length() - ".yaml".length());
            Optional<YamlMap> map = parse(file, path).flatMap(node -> YamlMap.of(file, node, problems, "条目"));
            if (map.isEmpty()) {
                continue;
            }
            String id = map.get().peekText("id");
            if (id != null && fileById.putIfAbsent(id, file) != null) {
                map.get().error("id", "编号 '" + id + "' 重复（另见 " + fileById.get(id) + "）");
            }
            parser.parse(map.get(), expectedId).ifPresent(entries::add);
        }
        return entries;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<YamlMap> yaml(String file, boolean required) {
        Path path = root.resolve(file);
        if (!Files.exists(path)) {
            if (required) {
                problems.add(file, 0, "缺少文件 " + file);
            }
            return Optional.empty();
        }
        return parse(file, path).flatMap(node -> YamlMap.of(file, node, problems, file));
    }

    private Optional<Node> parse(String file, Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Node node = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
            if (node == null) {
                problems.add(file, 1, "文件为空");
            }
            return Optional.ofNullable(node);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            problems.add(file, line, "不是有效的 YAML，请检查这一行的缩进、冒号和引号");
        } catch (YAMLException e) {
            problems.add(file, 1, "不是有效的 YAML，请检查缩进、冒号和引号");
        } catch (IOException e) {
            problems.add(file, 0, "无法读取该文件");
        }
        return Optional.empty();
    }

    private Optional<List<String>> lines(String file) {
        Path path = root.resolve(file);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllLines(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            problems.add(file, 0, "无法读取该文件");
            return Optional.empty();
        }
    }
}
