package cn.liaison.backend;

import cn.liaison.backend.calendar.WorkingCalendar;
import cn.liaison.backend.platform.http.Routes;
import cn.liaison.backend.platform.outbox.Notifier;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What a start can vary besides the configuration (tests).
 *
 * @param contractExtension applied to the OpenAPI contract before routing is built
 * @param clock             the time every feature reads (tests pass a clock they can move)
 * @param backgroundJobs    false: no job runs by itself; drive them with {@code platform().jobs().run(name)}
 * @param features          the names of the features to start (in their usual order); empty = all
 */
public record StartOptions(List<Routes> extraRoutes, UnaryOperator<JsonObject> contractExtension, Clock clock,
                           List<Notifier> extraChannels, boolean backgroundJobs, Set<String> features) {

    public StartOptions {
        extraRoutes = List.copyOf(extraRoutes);
        extraChannels = List.copyOf(extraChannels);
        features = Set.copyOf(features);
    }

    public StartOptions(List<Routes> extraRoutes, UnaryOperator<JsonObject> contractExtension, Clock clock,
                        List<Notifier> extraChannels, boolean backgroundJobs) {
        this(extraRoutes, contractExtension, clock, extraChannels, backgroundJobs, Set.of());
    }

    /**
     * Whether the named feature starts. The project directory (the part of the projects feature
     * the request loop and reports read) starts with {@code org}.
     */
    public boolean starts(String feature) {
        return features.isEmpty() || features.contains(feature)
                || feature.equals("project-directory") && features.contains("org");
    }

    /** Starts only these features (and the platform): a test of the people features needs no knowledge base. */
    public StartOptions onlyFeatures(String... names) {
        return new StartOptions(extraRoutes, contractExtension, clock, extraChannels, backgroundJobs, Set.of(names));
    }

    /** The features without the knowledge base: calendar, identity, units and enterprises, demo data. */
    public StartOptions peopleOnly() {
        return onlyFeatures("calendar", "identity", "org", "demo");
    }

    public static StartOptions defaults() {
        return new StartOptions(List.of(), UnaryOperator.identity(), Clock.system(WorkingCalendar.ZONE), List.of(), true);
    }

    public StartOptions withClock(Clock newClock) {
        return new StartOptions(extraRoutes, contractExtension, newClock, extraChannels, backgroundJobs, features);
    }

    public StartOptions withRoutes(List<Routes> routes, UnaryOperator<JsonObject> extension) {
        return new StartOptions(routes, extension, clock, extraChannels, backgroundJobs, features);
    }

    /** Notifications also go to {@code channel}; timers off, so a test drives the jobs itself. */
    public StartOptions withNotifierAndManualJobs(Notifier channel) {
        List<Notifier> channels = new ArrayList<>(extraChannels);
        channels.add(channel);
        return new StartOptions(extraRoutes, contractExtension, clock, channels, false, features);
    }
}
