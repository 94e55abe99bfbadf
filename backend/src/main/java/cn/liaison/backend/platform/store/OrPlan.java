package cn.liaison.backend.platform.store;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An {@code $or} served branch by branch: each branch, together with the conditions beside the
 * {@code $or}, has an index plan of its own, and the positions are the union of theirs. When every
 * branch walks the same sort key, the branches are merged in that order, so a first page reads only
 * what it shows (a liaison's ledger: assigned to them or created by them, newest first). The union
 * is a superset of the matches; the whole filter is still checked on every document.
 */
record OrPlan(List<IndexPlan> branches) {

    /**
     * A plan for one of the filter's {@code $or}s (top level or parts of {@code $and}), or null when
     * none has a plan for every branch. With several (a unit's places and the month's events, both
     * as {@code $or}s), each is tried with the rest of the filter beside it, and the one that serves
     * the sort (for a page) or narrows most is taken.
     */
    static OrPlan of(List<OrderedIndex> indexes, Document query, Document orderBy, int limit) {
        List<Object> parts = new ArrayList<>();
        for (var entry : query.entrySet()) {
            if (entry.getKey().equals("$and") && entry.getValue() instanceof Collection<?> and) {
                parts.addAll(and);
            } else {
                parts.add(new Document(entry.getKey(), entry.getValue()));
            }
        }
        OrPlan best = null;
        for (int i = 0; i < parts.size(); i++) {
            if (!(parts.get(i) instanceof Document d && d.size() == 1 && d.get("$or") instanceof List<?> or) || or.isEmpty()) {
                continue;
            }
            List<Object> others = new ArrayList<>(parts);
            others.remove(i);
            OrPlan plan = branches(indexes, new Document("$and", others), or, orderBy, limit);
            if (plan != null && (best == null || better(plan, best, limit))) {
                best = plan;
            }
        }
        return best;
    }

    private static OrPlan branches(List<OrderedIndex> indexes, Document rest, List<?> or, Document orderBy, int limit) {
        List<IndexPlan> plans = new ArrayList<>();
        for (Object branch : or) {
            if (!(branch instanceof Document b)) {
                return null;
            }
            IndexPlan plan = IndexPlan.best(indexes, Conditions.of(new Document("$and", List.of(rest, b))), orderBy, limit);
            if (plan == null) {
                return null;
            }
            plans.add(plan);
        }
        return new OrPlan(plans);
    }

    private static boolean better(OrPlan a, OrPlan b, int limit) {
        if (limit > 0 && a.servesSort() != b.servesSort()) {
            return a.servesSort();
        }
        return a.score() > b.score();
    }

    /** The weakest branch's score: an {@code $or} narrows no more than its least selective branch. */
    double score() {
        return branches.stream().mapToDouble(IndexPlan::score).min().orElse(0);
    }

    String indexNames() {
        return branches.stream().map(p -> p.index().getName()).distinct().collect(Collectors.joining("|"));
    }

    /** Whether every branch walks the same sort key in the same direction. */
    boolean servesSort() {
        IndexPlan first = branches.get(0);
        return branches.stream().allMatch(p -> p.servesSort() && Objects.equals(p.sortField(), first.sortField())
                && p.descending() == first.descending());
    }

    String sortField() {
        return branches.get(0).sortField();
    }

    /** Positions in sort order (with {@link #servesSort()}), lazily; only while the collection's lock is held. */
    Iterator<Object> walk() {
        List<Iterator<SortedWalk.Keyed>> walks = new ArrayList<>();
        branches.forEach(p -> walks.addAll(p.sortedWalks()));
        return SortedWalk.merge(walks, branches.get(0).descending());
    }

    /** The union of the branches' positions, each once. */
    List<Object> positions() {
        LinkedHashSet<Object> all = new LinkedHashSet<>();
        branches.forEach(p -> all.addAll(p.positions()));
        return new ArrayList<>(all);
    }
}
