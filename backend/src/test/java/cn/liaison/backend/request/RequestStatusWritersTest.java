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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every request state change goes through {@link RequestStateMachine}: the table is walked, and no
 * class but {@link RequestTransitions} writes a {@code status} field.
 */
class RequestStatusWritersTest {

    /** {@code put("status", x)} where x is not a query operator ({@code new JsonObject()...}) or an index direction. */
    private static final Pattern STATUS_PUT = Pattern.compile("put\\(\\s*\"status\"\\s*,\\s*+(?!new JsonObject|-?1\\))");

    /**
     * Files that put a {@code "status"} that is not a request document's state, each reviewed:
     * API views, equality filters, HTTP status codes, other collections' own states.
     */
    private static final Map<String, String> NOT_A_REQUEST_WRITE = Map.ofEntries(
            Map.entry("request/RequestDocuments.java", "the API view of a request"),
            Map.entry("request/LedgerQuery.java", "a filter by status"),
            Map.entry("sla/SlaScheduler.java", "a filter: the update applies only while the status is unchanged"),
            Map.entry("hotline/PlatformCallbackNotifier.java", "the 12345 platform's HTTP status in the callback log"),
            Map.entry("report/MonthlyReport.java", "a $group key"),
            Map.entry("platform/http/Problem.java", "the problem's HTTP status"),
            Map.entry("platform/health/HealthRoutes.java", "the health answer"),
            Map.entry("miniapp/EnterpriseBindings.java", "a binding request's own state (enterprise_bindings)"),
            Map.entry("chat/ChatRoutes.java", "the chat API's view of a request"),
            Map.entry("hotline/Integration12345Routes.java", "the answer to the 12345 platform"),
            Map.entry("live/LiveEvent.java", "a live event's JSON"),
            Map.entry("kb/GapLoop.java", "a knowledge-base suggestion's own state (kb_suggestions)"),
            Map.entry("plan/PlanJson.java", "a service plan's API view"),
            Map.entry("plan/PlanProgress.java", "a service plan's own state (service_plans)"),
            Map.entry("plan/PlanService.java", "a new service plan's state, and a filter by it"),
            Map.entry("plan/PlanStore.java", "a filter: running plans"),
            Map.entry("proactive/ProactiveScan.java", "a proactive task's own state (proactive_tasks)"),
            Map.entry("proactive/ProactiveStore.java", "a filter: only an open task is closed"),
            Map.entry("proactive/ProactiveTasks.java", "a proactive task's own state, its API view and a filter by it"));

    @Test
    void onlyRequestTransitionsWritesStatus() throws IOException {
        Path root = Path.of("src/main/java/cn/liaison/backend");
        Map<String, List<Integer>> writers = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String rel = root.relativize(file).toString().replace('\\', '/');
                String text = Files.readString(file);
                Matcher m = STATUS_PUT.matcher(text);
                while (m.find()) {
                    if (!NOT_A_REQUEST_WRITE.containsKey(rel)) {
                        int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                        writers.computeIfAbsent(rel, k -> new ArrayList<>()).add(line);
                    }
                }
            }
        }
        assertEquals(Map.of(), writers, "status written outside RequestTransitions (file -> lines)");
        String owner = Files.readString(root.resolve("request/RequestTransitions.java"));
        assertTrue(owner.contains("decision.to()"), "the owner writes only decided targets");
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
