package cn.liaison.kb.scenario;

import cn.liaison.kb.content.Content;
import cn.liaison.kb.content.Effective;
import cn.liaison.kb.content.Entry;
import cn.liaison.kb.content.Kind;
import cn.liaison.kb.content.Source;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** The scenarios of a content snapshot: their packages, merged forms, and the entries that make them searchable. */
public final class Scenarios {
    private Scenarios() {
    }

    public static Optional<ScenarioPackage> find(Content content, String id) {
        return content.scenarios().stream().filter(s -> s.id().equals(id)).findFirst()
                .map(s -> PackageComposer.compose(s, content::entry));
    }

    public static List<ScenarioPackage> all(Content content) {
        return content.scenarios().stream().map(s -> PackageComposer.compose(s, content::entry)).toList();
    }

    /** The package behind a scenario entry found by retrieval, if the entry is one. */
    public static Optional<ScenarioPackage> of(Content content, Entry entry) {
        if (entry.kind() != Kind.SCENARIO || !entry.id().startsWith(Scenario.ENTRY_PREFIX)) {
            return Optional.empty();
        }
        return find(content, entry.id().substring(Scenario.ENTRY_PREFIX.length()));
    }

    /** Every entry plus one searchable entry per scenario, whose answer is the composed package. */
    public static List<Entry> searchable(Content content) {
        if (content.scenarios().isEmpty()) {
            return content.entries();
        }
        List<Entry> all = new ArrayList<>(content.entries());
        for (ScenarioPackage pkg : all(content)) {
            if (!pkg.items().isEmpty()) {
                all.add(entry(content, pkg));
            }
        }
        return all;
    }

    static Entry entry(Content content, ScenarioPackage pkg) {
        Scenario s = pkg.scenario();
        LinkedHashSet<Source> sources = new LinkedHashSet<>(s.sources());
        pkg.items().forEach(i -> content.entry(i.id()).ifPresent(e -> sources.addAll(e.sources())));
        List<String> topics = new ArrayList<>(s.topics());
        topics.add(s.scenarioTopic());
        return new Entry(s.entryId(), Kind.SCENARIO, s.title(), s.questions(), PackageMarkdown.render(pkg), topics,
                s.region(), new Effective(s.effectiveFrom(), null), List.copyOf(sources), null);
    }
}
