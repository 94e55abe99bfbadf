package cn.liaison.backend.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.vertx.ext.mongo.MongoClient;

/**
 * Every request state change goes through {@link RequestStateMachine}, proved in three steps with
 * no exceptions to review: (1) only the {@code request} package names the {@code requests}
 * collection (CollectionOwnershipTest), and inside it only {@link RequestRepository} writes to
 * MongoDB; (2) the repository's writes are called only by the command runners —
 * {@link RequestService} (people's commands), {@link Intake} (intake and assessment) and
 * {@link TimeLimits} (the SLA watcher's events), all with an {@link Actor}; (3) those runners and
 * the update builders they use never put a {@code status} themselves: only
 * {@link RequestTransitions} does, and only the target of a decision. Then the table is walked.
 */
class RequestStatusWritersTest {

    private static final Path REQUEST = Path.of("src/main/java/cn/liaison/backend/request");
    /** {@code put("status", x)} or {@code put(STATUS, x)} where x is not a query operator ({@code new JsonObject()...}). */
    private static final Pattern STATUS_PUT = Pattern.compile(
            "put\\(\\s*(\"status\"|(RequestTransitions\\.)?STATUS)\\s*,\\s*+(?!new JsonObject)");
    private static final Set<String> MONGO_WRITES = Set.of("insert", "insertWithOptions", "save", "saveWithOptions",
            "updateCollection", "updateCollectionWithOptions", "findOneAndUpdate", "findOneAndUpdateWithOptions",
            "findOneAndReplace", "findOneAndReplaceWithOptions", "replaceDocuments", "replaceDocumentsWithOptions",
            "bulkWrite", "bulkWriteWithOptions", "removeDocument", "removeDocuments", "findOneAndDelete");

    private static JavaClasses classes() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.liaison.backend");
    }

    @Test
    void onlyTheRepositoryWritesRequestDocuments() {
        Set<String> writers = new TreeSet<>();
        for (JavaClass c : classes()) {
            if (!c.getPackageName().equals(RequestRepository.class.getPackageName())) {
                continue;
            }
            c.getMethodCallsFromSelf().stream()
                    .filter(call -> call.getTargetOwner().isAssignableTo(MongoClient.class)
                            && MONGO_WRITES.contains(call.getName()))
                    .forEach(call -> writers.add(call.getOriginOwner().getSimpleName()));
        }
        assertEquals(Set.of("RequestRepository"), writers);
    }

    @Test
    void onlyTheCommandRunnersCallTheRepositorysWrites() {
        Set<String> callers = new TreeSet<>();
        for (JavaClass c : classes()) {
            c.getMethodCallsFromSelf().stream()
                    .filter(call -> call.getTargetOwner().isEquivalentTo(RequestRepository.class)
                            && !call.getOriginOwner().isEquivalentTo(RequestRepository.class)
                            && Set.of("insert", "update", "updateWhere").contains(call.getName()))
                    .forEach(call -> callers.add(call.getOriginOwner().getName()));
        }
        assertEquals(Set.of(Intake.class.getName(), RequestService.class.getName(), TimeLimits.class.getName()), callers);
    }

    @Test
    void onlyRequestTransitionsPutsAStatus() throws IOException {
        Map<String, List<Integer>> writers = new TreeMap<>();
        try (Stream<Path> files = Files.walk(REQUEST)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = file.getFileName().toString();
                String text = Files.readString(file);
                Matcher m = STATUS_PUT.matcher(text);
                while (m.find()) {
                    if (!name.equals("RequestTransitions.java") && writesRequests(name)) {
                        int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                        writers.computeIfAbsent(name, k -> new ArrayList<>()).add(line);
                    }
                }
            }
        }
        assertEquals(Map.of(), writers, "status put outside RequestTransitions (file -> lines)");
        String owner = Files.readString(REQUEST.resolve("RequestTransitions.java"));
        assertTrue(owner.contains("decision.to()"), "the owner writes only decided targets");
    }

    /** The runners and everything that builds the documents they write (effects, events, the repository). */
    private static boolean writesRequests(String file) {
        return Set.of("Intake.java", "RequestService.java", "TimeLimits.java", "RequestEffects.java", "Events.java",
                "RequestRepository.java", "PlatformCallbacks.java").contains(file);
    }

    @Test
    void theTableDecidesEveryTransitionFromEveryState() {
        RequestStateMachine machine = new RequestStateMachine();
        Map<Action, Command> commands = new EnumMap<>(Action.class);
        commands.put(Action.ASSESS, new Command.Assess(null, null, null, "研判"));
        commands.put(Action.ASSIGN, new Command.Assign("liaison-1", null));
        commands.put(Action.FORWARD, new Command.Forward("住建局", "非人防事项"));
        commands.put(Action.CLOSE, new Command.Close("到期未评价"));
        Set<RequestStatus> reached = EnumSet.noneOf(RequestStatus.class);
        int decided = 0;
        for (Map.Entry<Action, Command> entry : commands.entrySet()) {
            for (RequestStatus from : RequestStatus.values()) {
                RequestSnapshot request = new RequestSnapshot("r1", 0, from, Channel.WEB, null, "unit-1", "liaison-1",
                        null, "user-1", null);
                try {
                    RequestStateMachine.Decision d = RequestTransitions.bySystem(entry.getValue(), request);
                    assertEquals(from, d.from());
                    reached.add(d.to());
                    decided++;
                    assertEquals(d, machine.decide(entry.getValue(), request, Actor.SYSTEM, false));
                } catch (ActionNotAllowedException | NotPermittedException refused) {
                    assertTrue(machine.available(request, Actor.SYSTEM, false).stream()
                            .noneMatch(a -> a == entry.getKey()), entry.getKey() + " from " + from);
                }
            }
        }
        assertTrue(decided > 0);
        assertTrue(reached.containsAll(EnumSet.of(RequestStatus.ASSESSED, RequestStatus.ASSIGNED,
                RequestStatus.FORWARDED, RequestStatus.CLOSED)), "system commands reach " + reached);
    }
}
