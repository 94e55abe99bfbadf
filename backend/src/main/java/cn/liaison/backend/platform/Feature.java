package cn.liaison.backend.platform;

import io.vertx.core.Future;

/**
 * One feature of the service (requests, SLA, projects, the knowledge base, chat, the hotline, ...):
 * given the {@link Platform}, it starts its parts and contributes its routes, raw routes, jobs,
 * notification channels, machine callers and published ports. A feature that is configured off
 * contributes nothing. Features start in list order (a feature may use the ports of those before
 * it) and stop in reverse.
 */
public interface Feature {

    /** A short name for logs. */
    String name();

    Future<Void> start(Platform platform);

    /** Before the HTTP servers stop: end long-lived streams so they do not hold the grace period. */
    default void drain() {
    }

    /** After Vert.x has closed: release what lives outside it (files, native resources). */
    default void close() {
    }
}
