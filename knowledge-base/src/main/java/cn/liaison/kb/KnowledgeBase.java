package cn.liaison.kb;

import cn.liaison.kb.answer.AnswerComposer;
import cn.liaison.kb.content.Content;
import cn.liaison.kb.content.ContentLoader;
import cn.liaison.kb.content.Entry;
import cn.liaison.kb.index.Audience;
import cn.liaison.kb.index.KbIndex;
import cn.liaison.kb.index.LiveIndex;
import cn.liaison.kb.index.RetrievalConfig;
import cn.liaison.kb.index.SearchOutcome;
import cn.liaison.kb.scenario.ScenarioPackage;
import cn.liaison.kb.scenario.Scenarios;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entry point for the service and the CLI: loads content (a folder, or the copy bundled in
 * this jar under {@code kb-content/}), keeps a live index and answers questions.
 * <pre>{@code
 * KnowledgeBase kb = KnowledgeBase.open(KnowledgeBase.loadBundled(), RetrievalConfig.defaults());
 * SearchOutcome outcome = kb.ask("异地建设费怎么交");
 * }</pre>
 */
public final class KnowledgeBase implements AutoCloseable {
    /** Where the content folder is bundled inside the jar. */
    public static final String BUNDLED = "kb-content";

    private volatile Content content;
    private final LiveIndex index;

    private KnowledgeBase(Content content, LiveIndex index) {
        this.content = content;
        this.index = index;
    }

    /** Loads and validates a content folder; throws {@code ContentException} listing every error. */
    public static Content load(Path folder) {
        return ContentLoader.load(folder);
    }

    /** Loads the content bundled in this jar (or on the test class path). */
    public static Content loadBundled() {
        URL topics = KnowledgeBase.class.getClassLoader().getResource(BUNDLED + "/" + ContentLoader.TOPICS);
        if (topics == null) {
            throw new IllegalStateException("no bundled content: " + BUNDLED + "/ is not on the class path");
        }
        try {
            URI uri = topics.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return load(Path.of(uri).getParent());
            }
            // A private file system over the jar file: policy loading reads the same jar at the same
            // time, and a shared one (newFileSystem(uri)) is closed under whoever opened it second.
            String spec = uri.getSchemeSpecificPart();
            String entry = spec.substring(spec.indexOf("!/") + 1);
            try (FileSystem jar = FileSystems.newFileSystem(Path.of(URI.create(spec.substring(0, spec.indexOf("!/")))))) {
                return load(jar.getPath(entry).getParent());
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad bundled content location " + topics, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds the index over the content and opens it for questions. */
    public static KnowledgeBase open(Content content, RetrievalConfig config) {
        return new KnowledgeBase(content, new LiveIndex(KbIndex.build(content, config)));
    }

    public Content content() {
        return content;
    }

    public SearchOutcome ask(String question) {
        return index.search(question);
    }

    /** The question decided for its audience: the hotline answers only from a stricter confidence. */
    public SearchOutcome ask(String question, Audience audience) {
        return index.search(question, audience);
    }

    /** Words only, without the embedding model: a fast fallback when model time is not available. */
    public SearchOutcome askLexical(String question, Audience audience) {
        return index.with(current -> current.search(question, audience, false));
    }

    /** The gap loop: unanswered questions grouped by meaning into suggested variants or new entries. */
    public List<cn.liaison.kb.gap.GapSuggestion> suggestGaps(List<cn.liaison.kb.gap.GapSuggestion.Asked> asked) {
        return index.with(current -> cn.liaison.kb.gap.GapGrouper.group(current, asked));
    }

    public Optional<Entry> entry(String id) {
        return content.entry(id);
    }

    /** The entry's composed Markdown answer (一次性告知 for service items). */
    public static String answer(Entry entry) {
        return AnswerComposer.compose(entry);
    }

    /** Re-indexes a new list of entries (e.g. after a publish) and swaps it in atomically. */
    public void reindex(List<Entry> entries) {
        RetrievalConfig config = index.current().config();
        Content next = new Content(content.topics(), entries, content.forward(), content.synonyms(),
                content.dictionary(), content.scenarios());
        index.swap(KbIndex.build(next, config));
        content = next;
    }

    /** The package (一件事) of a scenario, composed from the current items. */
    public Optional<ScenarioPackage> scenario(String id) {
        return Scenarios.find(content, id);
    }

    /** The package behind a hit, when the hit is a scenario. */
    public Optional<ScenarioPackage> scenarioOf(Entry entry) {
        return Scenarios.of(content, entry);
    }

    public LiveIndex index() {
        return index;
    }

    @Override
    public void close() {
        index.close();
    }
}
