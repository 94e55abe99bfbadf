package cn.liaison.backend.search;

import cn.liaison.backend.request.SearchCriteria;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** {@link SearchCriteria} as Lucene filter clauses (they restrict, they do not score). */
final class SearchFilters {

    private SearchFilters() {
    }

    static void add(BooleanQuery.Builder query, SearchCriteria criteria) {
        for (List<Map<String, Set<String>>> group : criteria.groups()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
            group.forEach(clause -> any.add(clause(clause), Occur.SHOULD));
            query.add(any.build(), Occur.FILTER);
        }
        if (criteria.createdFrom() != null || criteria.createdTo() != null) {
            long from = criteria.createdFrom() == null ? Long.MIN_VALUE : criteria.createdFrom().toEpochMilli();
            long to = criteria.createdTo() == null ? Long.MAX_VALUE : criteria.createdTo().toEpochMilli() - 1;
            query.add(LongPoint.newRangeQuery("createdAt", from, to), Occur.FILTER);
        }
        if (criteria.overdue() != null) {
            Query late = new BooleanQuery.Builder()
                    .add(anyOf("status", Set.copyOf(SearchCriteria.handlingStatuses())), Occur.FILTER)
                    .add(LongPoint.newRangeQuery("activeDueAt", Long.MIN_VALUE, criteria.now().toEpochMilli() - 1), Occur.FILTER)
                    .build();
            query.add(late, criteria.overdue() ? Occur.FILTER : Occur.MUST_NOT);
        }
    }

    private static Query clause(Map<String, Set<String>> clause) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        clause.forEach((field, values) -> {
            if (!SearchCriteria.FIELDS.contains(field)) {
                throw new IllegalArgumentException("not a searchable field: " + field);
            }
            all.add(anyOf(field, values), Occur.FILTER);
        });
        return all.build();
    }

    private static Query anyOf(String field, Set<String> values) {
        BooleanQuery.Builder any = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        values.forEach(v -> any.add(new TermQuery(new Term(field, v)), Occur.SHOULD));
        return any.build();
    }
}
