package cn.liaison.kb.scenario;

import cn.liaison.kb.content.ContentError;
import cn.liaison.kb.content.Entry;
import cn.liaison.kb.content.Kind;
import cn.liaison.kb.content.Material;
import cn.liaison.kb.content.Source;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Loads and validates {@code scenarios/} (see {@code content/FORMAT.md}) against the loaded entries:
 * every step names a service item, the ordering has no cycle, every material rule names a material
 * of one of the scenario's items, form fields name known items and fields. Problems are reported as
 * {@code file:line: reason}, like the rest of the content.
 */
public final class ScenarioLoader {
    /** The folder under the content root. */
    public static final String FOLDER = "scenarios";
    /** The form field catalogue inside the folder. */
    public static final String FORM_FIELDS = "form-fields.yaml";
    static final int MIN_QUESTIONS = 3;
    private static final Set<String> FIELDS = Set.of("id", "title", "stage", "questions", "topics", "region",
            "effective", "steps", "materials", "notes", "sources");
    private static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean");

    private final Map<String, Entry> items;
    private final Set<String> topicIds;
    private final List<ContentError> errors;

    private ScenarioLoader(List<Entry> entries, Set<String> topicIds, List<ContentError> errors) {
        this.items = entries.stream().filter(e -> e.kind() == Kind.ITEM)
                .collect(Collectors.toMap(Entry::id, Function.identity(), (a, b) -> a));
        this.topicIds = topicIds;
        this.errors = errors;
    }

    /**
     * The scenarios under {@code root/scenarios/} (none when the folder is absent); problems are added
     * to {@code errors} and a scenario with problems is left out.
     */
    public static List<Scenario> load(Path root, List<Entry> entries, Set<String> topicIds, List<ContentError> errors) {
        Path dir = root.resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        return new ScenarioLoader(entries, topicIds, errors).run(dir, entries);
    }

    private List<Scenario> run(Path dir, List<Entry> entries) {
        FormCatalogue form = Files.exists(dir.resolve(FORM_FIELDS))
                ? parse(FOLDER + "/" + FORM_FIELDS, dir.resolve(FORM_FIELDS)).map(this::form).orElse(FormCatalogue.NONE)
                : FormCatalogue.NONE;
        Set<String> entryIds = entries.stream().map(Entry::id).collect(Collectors.toSet());
        List<Scenario> scenarios = new ArrayList<>();
        for (Path path : list(dir)) {
            String name = path.getFileName().toString();
            String file = FOLDER + "/" + name;
            if (name.startsWith(".") || name.equals(FORM_FIELDS) || Files.isDirectory(path)) {
                continue;
            }
            if (!name.endsWith(".yaml")) {
                errors.add(new ContentError(file, 0, "unexpected file: scenarios are named <id>.yaml"));
                continue;
            }
            String expectedId = name.substring(0, name.length() - ".yaml".length());
            parse(file, path).map(map -> scenario(map, expectedId, form)).flatMap(s -> s).ifPresent(s -> {
                if (entryIds.contains(s.entryId())) {
                    errors.add(new ContentError(file, 1, "scenario id clashes with entry '" + s.entryId() + "'"));
                } else {
                    scenarios.add(s);
                }
            });
        }
        return scenarios;
    }

    private Optional<Scenario> scenario(YamlNodes map, String expectedId, FormCatalogue form) {
        int before = errors.size();
        map.allowOnly(FIELDS, "");
        String id = map.text("id", true);
        if (id != null && !Entry.ID.matcher(id).matches()) {
            map.error("id", "id '" + id + "' must use only a-z, 0-9 and single hyphens");
        } else if (id != null && !id.equals(expectedId)) {
            map.error("id", "id '" + id + "' does not match the file name '" + expectedId + ".yaml'");
        }
        String title = map.text("title", true);
        String stageCode = map.text("stage", true);
        Optional<ApprovalStage> stage = stageCode == null ? Optional.empty() : ApprovalStage.fromCode(stageCode);
        if (stageCode != null && stage.isEmpty()) {
            map.error("stage", "unknown stage '" + stageCode
                    + "' (expected planning-permit | engineering-permit | construction-permit | completion-acceptance)");
        }
        List<String> questions = map.texts("questions", true);
        if (map.has("questions") && questions.size() < MIN_QUESTIONS) {
            map.error("questions", "a scenario needs at least " + MIN_QUESTIONS + " question variants");
        }
        for (ScalarNode topic : map.scalars("topics", true)) {
            if (!topicIds.contains(topic.getValue().strip())) {
                map.errorAt(topic, "unknown topic '" + topic.getValue() + "' (not in topics.yaml)");
            }
        }
        List<String> topics = map.texts("topics", false);
        String region = map.text("region", true);
        LocalDate from = map.map("effective", true).map(e -> date(e, "from")).orElse(null);
        List<ScenarioStep> steps = new StepsParser(map, items).parse();
        List<MaterialRule> rules = materialRules(map, steps);
        String notes = map.text("notes", false);
        List<Source> sources = map.maps("sources", false).stream()
                .map(s -> {
                    s.allowOnly(Set.of("title", "url"), " in a source");
                    String sourceTitle = s.text("title", true);
                    return sourceTitle == null ? null : new Source(sourceTitle, s.text("url", false));
                })
                .filter(s -> s != null).toList();
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Scenario(id, title, stage.get(), questions, topics, region, from, steps, rules, notes,
                sources, form));
    }

    private List<MaterialRule> materialRules(YamlNodes map, List<ScenarioStep> steps) {
        Set<String> names = new HashSet<>();
        steps.stream().map(s -> items.get(s.itemId())).filter(e -> e != null)
                .flatMap(e -> e.item().materials().stream()).map(Material::name).forEach(names::add);
        List<MaterialRule> rules = new ArrayList<>();
        for (YamlNodes rule : map.maps("materials", false)) {
            rule.allowOnly(Set.of("name", "laterUnderCommitment", "note"), " in a scenario material");
            String name = rule.text("name", true);
            if (name != null && !names.contains(name)) {
                rule.error("name", "material '" + name + "' is not a material of any item in this scenario");
                continue;
            }
            if (name != null) {
                rules.add(new MaterialRule(name, rule.bool("laterUnderCommitment"), rule.text("note", false)));
            }
        }
        return rules;
    }

    private FormCatalogue form(YamlNodes map) {
        map.allowOnly(Set.of("fields", "items"), " in " + FORM_FIELDS);
        Map<String, FormField> fields = new java.util.LinkedHashMap<>();
        for (YamlNodes f : map.maps("fields", true)) {
            f.allowOnly(Set.of("id", "title", "type", "format", "description", "options"), " in a form field");
            String id = f.text("id", true);
            String title = f.text("title", true);
            String type = f.text("type", true);
            if (type != null && !TYPES.contains(type)) {
                f.error("type", "unknown field type '" + type + "' (expected " + String.join(" | ", TYPES) + ")");
                continue;
            }
            if (id != null && fields.containsKey(id)) {
                f.error("id", "duplicate form field '" + id + "'");
            } else if (id != null && title != null && type != null) {
                fields.put(id, new FormField(id, title, type, f.text("format", false), f.text("description", false),
                        f.texts("options", false)));
            }
        }
        Map<String, List<String>> byItem = new java.util.LinkedHashMap<>();
        for (YamlNodes use : map.maps("items", true)) {
            use.allowOnly(Set.of("item", "fields"), " in a form item");
            String item = use.text("item", true);
            if (item != null && !items.containsKey(item)) {
                use.error("item", "unknown service item '" + item + "'");
                continue;
            }
            List<String> ids = new ArrayList<>();
            for (ScalarNode field : use.scalars("fields", true)) {
                if (!fields.containsKey(field.getValue().strip())) {
                    use.errorAt(field, "unknown form field '" + field.getValue() + "'");
                } else {
                    ids.add(field.getValue().strip());
                }
            }
            if (item != null) {
                byItem.put(item, ids);
            }
        }
        return new FormCatalogue(fields, byItem);
    }

    private LocalDate date(YamlNodes map, String key) {
        String text = map.text(key, true);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            map.error(key, "'" + key + "' must be an ISO date (YYYY-MM-DD): " + text);
            return null;
        }
    }

    private Optional<YamlNodes> parse(String file, Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Node node = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
            if (node == null) {
                errors.add(new ContentError(file, 1, "empty file"));
                return Optional.empty();
            }
            return YamlNodes.of(file, node, errors, "a scenario file");
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            errors.add(new ContentError(file, line, "not valid YAML: " + e.getProblem()));
        } catch (YAMLException e) {
            errors.add(new ContentError(file, 1, "not valid YAML: " + e.getMessage()));
        } catch (IOException e) {
            errors.add(new ContentError(file, 0, "cannot read: " + e.getMessage()));
        }
        return Optional.empty();
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
