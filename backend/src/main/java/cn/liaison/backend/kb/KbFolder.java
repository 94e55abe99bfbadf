package cn.liaison.backend.kb;

import cn.liaison.kb.KnowledgeBase;
import cn.liaison.kb.content.ContentLoader;
import cn.liaison.kb.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Entries live in MongoDB as the text of their YAML files; the catalogue (topics, forward rules,
 * synonyms, dictionary) ships with the service. To load or check entries, they are written with the
 * catalogue into a temporary content folder and read by the knowledge base's own loader, so the
 * service accepts exactly what {@code kb-cli validate} accepts.
 */
final class KbFolder {

    private static final List<String> CATALOGUE = List.of(ContentLoader.TOPICS, ContentLoader.FORWARD,
            ContentLoader.SYNONYMS, ContentLoader.DICTIONARY);

    private KbFolder() {
    }

    /** Loads (and validates) entries given as {@code id → YAML text}, with the bundled catalogue. */
    static ContentLoader.Validation validate(Map<String, String> entries) {
        return validate(entries, List.of());
    }

    /** As {@link #validate(Map)}, with the given bundled scenario files (see {@link #scenarioFiles()}). */
    static ContentLoader.Validation validate(Map<String, String> entries, List<String> scenarios) {
        Path dir = null;
        try {
            dir = folderOf(entries, scenarios);
            return ContentLoader.validate(dir);
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * Writes a content folder for the given entries and the bundled catalogue. The caller loads it
     * and deletes it (see {@link #validate}); {@code ContentLoader.load} of it throws on bad content.
     */
    static Path folderOf(Map<String, String> entries) {
        return folderOf(entries, List.of());
    }

    /** The folder with the bundled scenario files named (paths under the content root, e.g. {@code scenarios/x.yaml}). */
    static Path folderOf(Map<String, String> entries, List<String> scenarios) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("kb-content");
            Files.createDirectories(dir.resolve(ContentLoader.ENTRIES));
            for (String file : CATALOGUE) {
                String text = bundled(file);
                if (text != null) {
                    Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
                }
            }
            for (String file : scenarios) {
                Files.createDirectories(dir.resolve(ContentLoader.SCENARIOS));
                Files.writeString(dir.resolve(file), bundled(file), StandardCharsets.UTF_8);
            }
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                Files.writeString(dir.resolve(ContentLoader.ENTRIES).resolve(entry.getKey() + ".yaml"), entry.getValue(),
                        StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            deleteQuietly(dir);
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bundled {@code scenarios/} files (一件事 packages and their form fields): part of the catalogue,
     * checked against the published entries. Listed from the bundled content once.
     */
    static List<String> scenarioFiles() {
        List<String> files = scenarioFiles;
        if (files == null) {
            List<String> found = new java.util.ArrayList<>();
            KnowledgeBase.loadBundled().scenarios().forEach(s -> found.add(ContentLoader.SCENARIOS + "/" + s.id() + ".yaml"));
            if (bundled(ContentLoader.SCENARIOS + "/" + ScenarioLoader.FORM_FIELDS) != null) {
                found.add(ContentLoader.SCENARIOS + "/" + ScenarioLoader.FORM_FIELDS);
            }
            files = List.copyOf(found);
            scenarioFiles = files;
        }
        return files;
    }

    private static volatile List<String> scenarioFiles;

    /** The YAML text of a bundled file, e.g. {@code topics.yaml} or {@code entries/item-demolition.yaml}. */
    static String bundled(String file) {
        try (InputStream in = KbFolder.class.getClassLoader().getResourceAsStream(KnowledgeBase.BUNDLED + "/" + file)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entry files of a content folder on disk ({@code kb-import DIR}), as {@code id → YAML text}. */
    static Map<String, String> entriesIn(Path contentDir) {
        try (Stream<Path> files = Files.list(contentDir.resolve(ContentLoader.ENTRIES))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .collect(java.util.stream.Collectors.toMap(
                            p -> p.getFileName().toString().replaceFirst("\\.yaml$", ""),
                            p -> read(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless
        }
    }
}
