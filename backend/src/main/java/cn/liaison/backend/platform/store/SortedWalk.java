package cn.liaison.backend.platform.store;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Merges index walks that are each in sort order into one walk in sort order (a k-way merge on the
 * sort key), yielding each document position once. Serves a sort over an {@code $in} on an index
 * prefix (the SLA scan's open statuses by deadline) and over the branches of an {@code $or} (a
 * liaison's ledger: assigned to them or created by them, newest first) without reading either set
 * whole.
 */
final class SortedWalk implements Iterator<Object> {

    /** A position with the value of the sort key it was found at. */
    record Keyed(Object sortValue, Object position) {}

    private record Head(Keyed entry, Iterator<Keyed> rest) {}

    private final PriorityQueue<Head> heads;
    private final Set<Object> seen = new HashSet<>();
    private Object next;

    private SortedWalk(List<Iterator<Keyed>> walks, boolean descending) {
        Comparator<Head> order = (a, b) -> OrderedIndex.compareValues(a.entry().sortValue(), b.entry().sortValue());
        this.heads = new PriorityQueue<>(Math.max(1, walks.size()), descending ? order.reversed() : order);
        for (Iterator<Keyed> walk : walks) {
            advance(walk);
        }
    }

    static Iterator<Object> merge(List<Iterator<Keyed>> walks, boolean descending) {
        return new SortedWalk(walks, descending);
    }

    /** An index walk as positions keyed by the key part at {@code sortPosition}. */
    static Iterator<Keyed> keyed(Iterator<OrderedIndex.Entry> walk, int sortPosition) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return walk.hasNext();
            }

            @Override
            public Keyed next() {
                OrderedIndex.Entry e = walk.next();
                return new Keyed(e.key().get(sortPosition), e.position());
            }
        };
    }

    private void advance(Iterator<Keyed> walk) {
        if (walk.hasNext()) {
            heads.add(new Head(walk.next(), walk));
        }
    }

    @Override
    public boolean hasNext() {
        while (next == null && !heads.isEmpty()) {
            Head head = heads.poll();
            advance(head.rest());
            if (seen.add(head.entry().position())) {
                next = head.entry().position();
            }
        }
        return next != null;
    }

    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Object found = next;
        next = null;
        return found;
    }
}
