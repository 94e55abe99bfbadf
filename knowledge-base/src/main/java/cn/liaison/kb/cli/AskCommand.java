package cn.liaison.kb.cli;

import cn.liaison.kb.index.KbIndex;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code ask}: one JSON line out per question in. */
final class AskCommand {
    private final PrintStream out;

    AskCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> rawArgs) {
        Args args = new Args(rawArgs, Set.of("jsonl", "content", "analyzer"), Set.of());
        List<String> questions;
        if (args.option("jsonl").isPresent()) {
            if (!args.positional().isEmpty()) {
                throw new Args.UsageException("give questions either with --jsonl or as an argument");
            }
            questions = JsonLines.read(args.option("jsonl").get()).stream().map(line -> line.text("q")).toList();
        } else if (!args.positional().isEmpty()) {
            questions = List.of(String.join(" ", args.positional()));
        } else {
            throw new Args.UsageException("ask needs --jsonl FILE or a question");
        }
        cn.liaison.kb.content.Content content = KbCli.content(args);
        try (KbIndex index = KbIndex.build(content, KbCli.config(args))) {
            for (String question : questions) {
                out.println(Json.outcome(index.search(question), content).toString());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return 0;
    }
}
