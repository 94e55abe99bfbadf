package cn.liaison.backend.platform.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A MongoDB collection as its one owner declares it: the name, the indexes its queries need, how
 * its documents expire (logs) and whether it carries an {@code outbox} array the dispatcher drains.
 * The owner keeps the declaration as a constant in its package's {@code XxxCollections} class and
 * hands it to {@code Platform.collections(...)}; the platform (indexes, retention, gauges) learns
 * the names from there and names no feature collection itself.
 */
public record StoredCollection(String name, List<IndexRegistry.Spec> indexes, Optional<Expiry> expiry, boolean outbox) {

    /**
     * Documents whose {@code field} (a date) is older than the retention {@code term} are deleted by
     * the hourly retention job; the term names a configured duration ({@code questions}, {@code calls},
     * {@code wechat}: see the operations configuration).
     */
    public record Expiry(String field, String term) {
    }

    public StoredCollection {
        Objects.requireNonNull(name, "name");
        indexes = List.copyOf(indexes);
        Objects.requireNonNull(expiry, "expiry");
    }

    public static StoredCollection named(String name) {
        return new StoredCollection(name, List.of(), Optional.empty(), false);
    }

    /** One more index: its keys in order as field, direction (1 or -1) pairs. */
    public StoredCollection index(boolean unique, Object... fieldsAndDirections) {
        List<IndexRegistry.Spec> more = new ArrayList<>(indexes);
        more.add(IndexRegistry.Spec.of(unique, fieldsAndDirections));
        return new StoredCollection(name, more, expiry, outbox);
    }

    /**
     * Expiry by {@code field}, with an index on it unless one already leads with it: the retention
     * job asks for the expired documents each hour, and without the index that read every document.
     */
    public StoredCollection expiresBy(String field, String term) {
        List<IndexRegistry.Spec> more = new ArrayList<>(indexes);
        if (more.stream().noneMatch(s -> s.keys().fieldNames().iterator().next().equals(field))) {
            more.add(IndexRegistry.Spec.of(false, field, 1));
        }
        return new StoredCollection(name, more, Optional.of(new Expiry(field, term)), outbox);
    }

    public StoredCollection withOutbox() {
        return new StoredCollection(name, indexes, expiry, true);
    }
}
