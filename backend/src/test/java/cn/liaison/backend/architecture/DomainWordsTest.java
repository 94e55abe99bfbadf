package cn.liaison.backend.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.bots.domain.RequestWords;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each domain word is defined once. The request keyword lists live in
 * {@code bots/.../domain/RequestWords} (the chat bot and the request loop both use them): a file
 * that spells three or more words of one of those lists as its own literals (a {@code List.of},
 * an alternation in a regular expression) is a second copy. And no two enums anywhere in the
 * code have the same constants (a backend copy of a bots domain enum, say).
 */
class DomainWordsTest {

    private static final List<Path> MODULES = List.of(Path.of("src/main/java"), Path.of("../bots/src/main/java"),
            Path.of("../knowledge-base/src/main/java"));
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Map<String, List<String>> LISTS = Map.of(
            "COMPLAINT", RequestWords.COMPLAINT, "PRAISE", RequestWords.PRAISE, "SUGGESTION", RequestWords.SUGGESTION,
            "DEMAND", RequestWords.DEMAND, "ABOUT_STAFF", RequestWords.ABOUT_STAFF);

    @Test
    void theRequestKeywordListsExistOnce() throws IOException {
        List<String> copies = new ArrayList<>();
        int files = 0;
        for (Path module : MODULES) {
            try (Stream<Path> walk = Files.walk(module)) {
                for (Path file : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                    files++;
                    if (file.getFileName().toString().equals("RequestWords.java")) {
                        continue;
                    }
                    Set<String> tokens = tokens(Files.readString(file));
                    LISTS.forEach((name, words) -> {
                        List<String> spelled = words.stream().filter(tokens::contains).toList();
                        if (spelled.size() >= 3) {
                            copies.add(file + " spells " + spelled + " of RequestWords." + name);
                        }
                    });
                }
            }
        }
        assertTrue(files > 100, "sources found: " + files);
        assertEquals(List.of(), copies, "use cn.liaison.bots.domain.RequestWords instead of a copy");
    }

    @Test
    void noTwoEnumsHaveTheSameConstants() {
        Map<Set<String>, List<String>> byConstants = new HashMap<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.liaison")) {
            if (c.isEnum() && c.getEnumConstants().size() >= 2) {
                Set<String> constants = c.getEnumConstants().stream().map(JavaEnumConstant::name)
                        .collect(Collectors.toCollection(TreeSet::new));
                byConstants.computeIfAbsent(constants, k -> new ArrayList<>()).add(c.getName());
            }
        }
        List<List<String>> twice = byConstants.values().stream().filter(names -> names.size() > 1).toList();
        assertEquals(List.of(), twice, "one definition per domain enum (shared ones live in bots/.../domain)");
    }

    /**
     * An enum's constants spelled again as strings (a {@code List.of("VERY_SATISFIED", ...)}, a
     * {@code Set.of("RECEIVED", ...)}): three or more of one enum's names as literals in one file.
     */
    @Test
    void noEnumIsSpelledAgainAsStrings() throws IOException {
        List<JavaClass> enums = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.liaison")) {
            if (c.isEnum() && c.getEnumConstants().size() >= 3) {
                enums.add(c);
            }
        }
        List<String> copies = new ArrayList<>();
        for (Path module : MODULES) {
            try (Stream<Path> walk = Files.walk(module)) {
                for (Path file : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Set<String> literals = literals(Files.readString(file));
                    for (JavaClass e : enums) {
                        if (file.getFileName().toString().equals(topLevel(e).getSimpleName() + ".java")) {
                            continue;
                        }
                        List<String> spelled = e.getEnumConstants().stream().map(JavaEnumConstant::name)
                                .filter(literals::contains).toList();
                        if (spelled.size() >= 3) {
                            copies.add(file + " spells " + spelled + " of " + e.getSimpleName());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), copies, "use the enum (values(), a method on it) instead of its names as strings");
    }

    private static JavaClass topLevel(JavaClass c) {
        return c.getEnclosingClass().map(DomainWordsTest::topLevel).orElse(c);
    }

    private static Set<String> literals(String source) {
        Set<String> out = new java.util.HashSet<>();
        Matcher m = LITERAL.matcher(source);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** String literals, and the alternatives of a regular expression literal split on | ( ). */
    private static Set<String> tokens(String source) {
        Set<String> out = new java.util.HashSet<>();
        Matcher m = LITERAL.matcher(source);
        while (m.find()) {
            out.add(m.group(1));
            for (String piece : m.group(1).split("[|()]")) {
                out.add(piece);
            }
        }
        return out;
    }
}
