package cn.liaison.kb.cli;

import cn.liaison.kb.KnowledgeBase;
import cn.liaison.kb.content.Content;
import cn.liaison.kb.content.ContentError;
import cn.liaison.kb.content.ContentException;
import cn.liaison.kb.content.ContentLoader;
import cn.liaison.kb.index.RetrievalConfig;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar kb-cli.jar ask|eval|validate ...}. Exit codes: 0 success, 1 bad content or
 * input, 2 bad usage.
 */
public final class KbCli {
    static final String USAGE = String.join("\n",
            "usage:",
            "  kb-cli ask --jsonl FILE|- [--content DIR] [--analyzer VARIANT]   one JSON line out per {\"q\": ...} line in",
            "  kb-cli ask [--content DIR] [--analyzer VARIANT] QUESTION",
            "  kb-cli eval FILE [--content DIR] [--analyzer VARIANT] [--tune] [--misses]",
            "  kb-cli validate DIR",
            "VARIANT: analysers smartcn, hanlp, bigram and bge (embeddings) joined by '+'; default "
                    + RetrievalConfig.DEFAULT_VARIANT);

    private final PrintStream out;
    private final PrintStream err;

    KbCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new KbCli(out, err).run(args));
    }

    int run(String... args) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "ask" -> new AskCommand(out).run(rest);
                case "eval" -> new EvalCommand(out).run(rest);
                case "validate" -> validate(rest);
                case "help", "--help", "-h" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> throw new Args.UsageException("unknown command '" + args[0] + "'");
            };
        } catch (Args.UsageException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (ContentException e) {
            e.errors().forEach(error -> err.println(error));
            return 1;
        } catch (InputException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private int validate(List<String> args) {
        if (args.size() != 1) {
            throw new Args.UsageException("validate takes one content folder");
        }
        ContentLoader.Validation validation = ContentLoader.validate(Path.of(args.get(0)));
        if (!validation.valid()) {
            validation.errors().forEach(out::println);
            err.println(validation.errors().size() + " error(s)");
            return 1;
        }
        Content content = validation.content();
        out.println("ok: " + content.entries().size() + " entries, " + content.topics().size() + " topics, "
                + content.forward().departments().size() + " forward departments, "
                + content.synonyms().rules().size() + " synonym rules, " + content.dictionary().size()
                + " dictionary words, " + content.scenarios().size() + " scenarios");
        return 0;
    }

    /** The content named by {@code --content}, or the bundled content. */
    static Content content(Args args) {
        return args.option("content").map(dir -> ContentLoader.load(Path.of(dir))).orElseGet(KnowledgeBase::loadBundled);
    }

    static RetrievalConfig config(Args args) {
        return args.option("analyzer").map(RetrievalConfig::variant).orElseGet(RetrievalConfig::defaults);
    }

    /** Bad input lines: reported as {@code file:line: reason}, exit code 1. */
    static final class InputException extends RuntimeException {
        InputException(String file, int line, String reason) {
            super(new ContentError(file, line, reason).toString());
        }
    }
}
