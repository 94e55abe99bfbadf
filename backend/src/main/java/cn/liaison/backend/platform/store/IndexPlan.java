package cn.liaison.backend.platform.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * How one {@link OrderedIndex} serves a filter: equal values on a prefix of its keys (each
 * {@code $in} value a separate range), optionally a range on the next key, optionally walking the
 * next key in the requested sort order.
 */
record IndexPlan(OrderedIndex index, List<List<Object>> prefixes, Conditions.Condition range,
                 String sortField, boolean descending) {

    /** {@code $in} lists multiply: beyond this many prefixes a plan is not worth it. */
    private static final int MAX_PREFIXES = 256;

    boolean servesSort() {
        return sortField != null;
    }

    /** How much of the filter the plan narrows: keys pinned, then a range, then the sort. */
    double score() {
        return prefixes.get(0).size() + (range != null ? 0.5 : 0) + (servesSort() ? 0.25 : 0);
    }

    /** The best plan among the indexes, or null when none narrows the filter or serves the sort. */
    static IndexPlan best(List<OrderedIndex> indexes, Conditions conditions, Document orderBy, int limit) {
        IndexPlan best = null;
        double bestScore = 0;
        for (OrderedIndex index : indexes) {
            IndexPlan plan = plan(index, conditions, orderBy, limit);
            if (plan == null) {
                continue;
            }
            double score = plan.score();
            if (score > bestScore) {
                best = plan;
                bestScore = score;
            }
        }
        return best;
    }

    private static IndexPlan plan(OrderedIndex index, Conditions conditions, Document orderBy, int limit) {
        List<String> keys = index.keyNames();
        List<List<Object>> prefixes = new ArrayList<>();
        prefixes.add(List.of());
        int used = 0;
        while (used < keys.size()) {
            Conditions.Condition c = conditions.get(keys.get(used));
            if (c == null || !c.isEquality() || prefixes.size() * c.values().size() > MAX_PREFIXES) {
                break;
            }
            List<List<Object>> longer = new ArrayList<>();
            for (List<Object> prefix : prefixes) {
                for (Object value : c.values()) {
                    List<Object> next = new ArrayList<>(prefix);
                    next.add(value);
                    longer.add(next);
                }
            }
            prefixes = longer;
            used++;
        }
        Conditions.Condition range = null;
        String sortField = null;
        boolean descending = false;
        if (used < keys.size()) {
            String next = keys.get(used);
            Conditions.Condition c = conditions.get(next);
            range = c != null && c.isRange() ? c : null;
            // a sort is served when it starts with the next key (several prefixes are merged in order)
            if (limit > 0 && orderBy != null && !orderBy.isEmpty()
                    && orderBy.keySet().iterator().next().equals(next)) {
                sortField = next;
                descending = ((Number) orderBy.get(next)).intValue() < 0;
            }
        }
        if (used == 0 && range == null && sortField == null) {
            return null;
        }
        return new IndexPlan(index, prefixes, range, sortField, descending);
    }

    /** Positions in this plan's ranges, in index order (sort order when it serves the sort), each once. */
    List<Object> positions() {
        LinkedHashSet<Object> all = new LinkedHashSet<>();
        for (List<Object> prefix : prefixes) {
            all.addAll(index.positions(bound(prefix, true), bound(prefix, false), descending));
        }
        return new ArrayList<>(all);
    }

    /**
     * How many documents lie in this plan's ranges. Where each document has at most one entry, the
     * entries of the distinct prefixes' ranges are counted from the B-tree without walking them;
     * otherwise the positions are gathered and each counted once.
     */
    long count() {
        if (index.multikey()) {
            return positions().size();
        }
        long count = 0;
        for (List<Object> prefix : new LinkedHashSet<>(prefixes)) {
            count += index.count(bound(prefix, true), bound(prefix, false));
        }
        return count;
    }

    /**
     * Positions lazily in sort order: each prefix's range walked in order and the walks merged on the
     * sort key, each position once. Only while the collection's lock is held.
     */
    java.util.Iterator<Object> walk() {
        return SortedWalk.merge(sortedWalks(), descending);
    }

    /** One walk per prefix, each in sort order, keyed by the sort key's value. */
    List<java.util.Iterator<SortedWalk.Keyed>> sortedWalks() {
        List<java.util.Iterator<SortedWalk.Keyed>> walks = new ArrayList<>();
        int sortPosition = prefixes.get(0).size();
        for (List<Object> prefix : prefixes) {
            walks.add(SortedWalk.keyed(index.walk(bound(prefix, true), bound(prefix, false), descending), sortPosition));
        }
        return walks;
    }

    private KeyValue bound(List<Object> prefix, boolean lowerEnd) {
        List<Object> key = new ArrayList<>(prefix);
        if (range != null) {
            Object value = lowerEnd ? range.lower() : range.upper();
            boolean inclusive = lowerEnd ? range.lowerInclusive() : range.upperInclusive();
            if (value != null) {
                key.add(value);
                // inclusive lower / exclusive upper sit just below the value, the others just above
                key.add(lowerEnd == inclusive ? OrderedIndex.Bound.MIN : OrderedIndex.Bound.MAX);
                return OrderedIndex.searchKey(key);
            }
        }
        key.add(lowerEnd ? OrderedIndex.Bound.MIN : OrderedIndex.Bound.MAX);
        return OrderedIndex.searchKey(key);
    }
}
