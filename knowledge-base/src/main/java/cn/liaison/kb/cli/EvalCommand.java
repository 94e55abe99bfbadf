package cn.liaison.kb.cli;

import cn.liaison.kb.eval.EvalCase;
import cn.liaison.kb.eval.EvalSummary;
import cn.liaison.kb.eval.Evaluator;
import cn.liaison.kb.eval.Tuner;
import cn.liaison.kb.index.KbIndex;
import cn.liaison.kb.index.RetrievalConfig;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * {@code eval}: runs a labelled set and prints one JSON line per question, then the summary as the
 * last line. With {@code --tune}, the answer threshold is chosen on the set (see {@link Tuner}).
 * With {@code --misses}, only the questions the variant got wrong are listed.
 */
final class EvalCommand {
    private final PrintStream out;

    EvalCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> rawArgs) {
        Args args = new Args(rawArgs, Set.of("content", "analyzer"), Set.of("tune", "misses"));
        if (args.positional().size() != 1) {
            throw new Args.UsageException("eval takes one JSON-lines file");
        }
        List<EvalCase> cases = JsonLines.read(args.positional().get(0)).stream()
                .map(line -> new EvalCase(line.text("q"), line.nullableText("topic"), line.nullableText("kind")))
                .toList();
        RetrievalConfig config = KbCli.config(args);
        try (KbIndex index = KbIndex.build(KbCli.content(args), config)) {
            List<Evaluator.Observation> observations = Evaluator.observe(index, cases);
            EvalSummary summary = args.flag("tune")
                    ? Tuner.tune(observations, config)
                    : Evaluator.summarize(observations, config);
            for (Evaluator.Observation o : observations) {
                boolean answered = o.answeredAt(summary.answerThreshold());
                boolean ok = o.evalCase().inScope() ? answered && o.firstCarries() : !answered;
                if (!ok || !args.flag("misses")) {
                    ObjectNode line = Json.outcome(o.outcome());
                    line.put("answered", answered);
                    line.put("topic", o.evalCase().topic());
                    line.put("ok", ok);
                    out.println(line.toString());
                }
            }
            ObjectNode last = Json.summary(summary);
            RetrievalConfig chosen = Tuner.at(config, summary.answerThreshold());
            java.util.Map<String, List<Evaluator.Observation>> byKind = new java.util.TreeMap<>();
            observations.stream().filter(o -> o.evalCase().kind() != null)
                    .forEach(o -> byKind.computeIfAbsent(o.evalCase().kind(), k -> new java.util.ArrayList<>()).add(o));
            if (!byKind.isEmpty()) {
                ObjectNode kinds = last.putObject("byKind");
                byKind.forEach((kind, list) -> kinds.set(kind, Json.summary(Evaluator.summarize(list, chosen))));
            }
            out.println(last.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }
}
