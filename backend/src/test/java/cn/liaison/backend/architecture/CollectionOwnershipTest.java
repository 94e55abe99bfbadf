package cn.liaison.backend.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.platform.store.IndexRegistry;
import cn.liaison.backend.platform.store.StoredCollection;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One owner per MongoDB collection. A collection is declared once, as a {@link StoredCollection}
 * constant in its owner package's {@code XxxCollections} class; its name appears as a string in
 * no other package of {@code backend/src/main}, the constant is read only inside that package,
 * and no store call names a collection that nobody declared. Other features read a collection
 * through the ports its owner publishes (e.g. {@code RequestQueries}, {@code ProjectQueries}).
 * A new feature passes by declaring its own collections the same way.
 */
class CollectionOwnershipTest {

    private static final Path MAIN = Path.of("src/main/java/cn/liaison/backend");
    private static final Pattern DECLARATION = Pattern.compile("StoredCollection\\.named\\(\\s*\"([^\"]+)\"");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** A store call whose first argument is a string literal: the collection it names. */
    private static final Pattern STORE_CALL = Pattern.compile(
            "(?i)\\b\\w*mongo\\w*\\.(find\\w*|insert\\w*|save\\w*|update\\w*|remove\\w*|count\\w*|aggregate\\w*|distinct\\w*|createIndex\\w*"
                    + "|replace\\w*|bulkWrite\\w*|dropCollection|getCollection|createCollection)\\(\\s*\"([^\"]+)\"");

    private static Map<Path, String> sources;
    private static Map<String, String> owners;

    @BeforeAll
    static void readSources() throws IOException {
        sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                sources.put(file, withoutComments(Files.readString(file)));
            }
        }
        owners = new LinkedHashMap<>();
        List<String> twice = new ArrayList<>();
        sources.forEach((file, text) -> {
            Matcher m = DECLARATION.matcher(text);
            while (m.find()) {
                String before = owners.putIfAbsent(m.group(1), packageOf(file));
                if (before != null) {
                    twice.add(m.group(1) + " in " + before + " and " + packageOf(file));
                }
            }
        });
        assertTrue(twice.isEmpty(), "collections declared by two owners: " + twice);
    }

    @Test
    void collectionsAreDeclaredInTheirOwnersCollectionsClass() {
        assertTrue(owners.keySet().containsAll(List.of("requests", "projects", "users", "enterprises", "units")),
                "the declarations were found: " + owners);
        List<String> misplaced = new ArrayList<>();
        sources.forEach((file, text) -> {
            if (DECLARATION.matcher(text).find() && (!file.getFileName().toString().endsWith("Collections.java")
                    || packageOf(file).startsWith("platform"))) {
                misplaced.add(MAIN.relativize(file).toString());
            }
        });
        assertEquals(List.of(), misplaced, "declare collections in the owner feature's XxxCollections class");
    }

    @Test
    void noOtherPackageNamesACollection() {
        List<String> foreign = new ArrayList<>();
        sources.forEach((file, text) -> {
            Matcher m = LITERAL.matcher(text);
            while (m.find()) {
                String owner = owners.get(m.group(1));
                if (owner != null && !owner.equals(packageOf(file))) {
                    foreign.add(MAIN.relativize(file) + " names \"" + m.group(1) + "\" (owned by " + owner + ")");
                }
            }
        });
        assertEquals(List.of(), foreign, "ask the owner through a port it publishes instead");
    }

    @Test
    void everyCollectionNamedInAStoreCallIsDeclared() {
        List<String> undeclared = new ArrayList<>();
        sources.forEach((file, text) -> {
            Matcher m = STORE_CALL.matcher(text);
            while (m.find()) {
                if (!owners.containsKey(m.group(2))) {
                    undeclared.add(MAIN.relativize(file) + ": \"" + m.group(2) + "\"");
                }
            }
        });
        assertEquals(List.of(), undeclared, "declare the collection in its owner's XxxCollections class");
    }

    /** The old way (a name in IndexRegistry, applied by name) compiles still, but fails here. */
    @Test
    void thePlatformNamesNoCollection() {
        List<String> legacy = new ArrayList<>();
        sources.forEach((file, text) -> {
            Matcher m = Pattern.compile("declare\\(\\s*\"([^\"]+)\"").matcher(text);
            while (m.find()) {
                legacy.add(m.group(1) + " in " + MAIN.relativize(file));
            }
        });
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.liaison.backend");
        for (var c : classes) {
            c.getMethodCallsFromSelf().stream()
                    .filter(call -> call.getTargetOwner().getName().equals(IndexRegistry.class.getName())
                            && call.getName().equals("apply")
                            && call.getTarget().getRawParameterTypes().get(1).isEquivalentTo(String.class))
                    .forEach(call -> legacy.add(call.getDescription()));
        }
        assertEquals(List.of(), legacy, "declare the collection as a StoredCollection in its owner's XxxCollections class, "
                + "register it with platform.collections(...) and apply it with IndexRegistry.apply(mongo, THAT_CONSTANT)");
    }

    @Test
    void declarationsAreReadOnlyInsideTheirPackage() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.liaison.backend");
        List<String> outside = new ArrayList<>();
        int fields = 0;
        for (var c : classes) {
            for (JavaField field : c.getFields()) {
                if (!field.getRawType().isEquivalentTo(StoredCollection.class)) {
                    continue;
                }
                fields++;
                for (JavaFieldAccess access : field.getAccessesToSelf()) {
                    if (!access.getOriginOwner().getPackageName().equals(c.getPackageName())) {
                        outside.add(access.getDescription());
                    }
                }
            }
        }
        assertFalse(fields == 0, "no StoredCollection constants found");
        assertEquals(List.of(), outside);
    }

    private static String packageOf(Path file) {
        Path relative = MAIN.relativize(file.getParent());
        return relative.toString().isEmpty() ? "(root)" : relative.toString().replace('/', '.');
    }

    /** Drops comments (keeping string literals intact, which never contain comment markers here). */
    private static String withoutComments(String text) {
        return text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "").replaceAll("(?m)\\s//\\s.*$", "");
    }
}
