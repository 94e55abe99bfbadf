package cn.liaison.backend.policy;

import cn.liaison.backend.platform.Published;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The rule files kept with the knowledge base ({@code knowledge-base/content/policies/*.yaml},
 * bundled in its jar under {@code kb-content/policies/}).
 */
@Published
public final class PolicyRules {

    public static final String BUNDLED = "kb-content/policies";

    private PolicyRules() {
    }

    /** Every bundled rule, checked against {@code schema}; duplicate ids are an error. */
    public static List<PolicyRule> loadBundled(Map<String, FactSpec> schema) {
        URL marker = PolicyRules.class.getClassLoader().getResource(BUNDLED);
        if (marker == null) {
            throw new IllegalStateException("no bundled policy rules: " + BUNDLED + "/ is not on the class path");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = jarFileSystem(uri)) {
                    return load(jar.getPath(BUNDLED), schema);
                }
            }
            return load(Path.of(uri), schema);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read " + BUNDLED + ": " + e, e);
        }
    }

    /**
     * A private file system over the jar: the knowledge base reads the same jar at the same time,
     * and a shared one (FileSystems.newFileSystem(uri)) would be closed under whoever opened second.
     */
    private static FileSystem jarFileSystem(URI uri) throws IOException {
        String jar = uri.getSchemeSpecificPart().substring(0, uri.getSchemeSpecificPart().indexOf("!/"));
        return FileSystems.newFileSystem(Path.of(URI.create(jar)));
    }

    /** Every {@code *.yaml} in {@code dir}, in name order. */
    public static List<PolicyRule> load(Path dir, Map<String, FactSpec> schema) {
        PolicyRuleParser parser = new PolicyRuleParser(schema);
        List<PolicyRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                String name = "policies/" + file.getFileName();
                PolicyRule rule = parser.parse(name, Files.readString(file, StandardCharsets.UTF_8));
                if (!ids.add(rule.id())) {
                    throw new PolicyRuleException(name, "id", "duplicate rule id '" + rule.id() + "'");
                }
                rules.add(rule);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(rules);
    }
}
