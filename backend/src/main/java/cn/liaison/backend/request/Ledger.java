package cn.liaison.backend.request;

import cn.liaison.bots.domain.RequestType;
import cn.liaison.bots.domain.RatingLevel;

import cn.liaison.backend.org.Unit;
import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.platform.store.MongoDocs;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** 台账: the requests a person may see, filtered, as pages or as a CSV file. */
public final class Ledger {

    static final int EXPORT_LIMIT = 10_000;
    private static final String BOM = "\uFEFF";

    /** How a time reads in a spreadsheet: Beijing time, to the minute. */
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final RequestRepository repository;
    private final RequestService requests;
    private final UnitDirectory units;
    private final Clock clock;
    private volatile RequestTextSearch search;

    Ledger(RequestRepository repository, RequestService requests, UnitDirectory units, Clock clock) {
        this.repository = repository;
        this.requests = requests;
        this.units = units;
        this.clock = clock;
    }

    /** The export's file name, dated in Beijing (an export at 07:00 Beijing is still that day's). */
    String csvFileName() {
        return "requests-" + LocalDate.now(clock.withZone(MongoDocs.ZONE)) + ".csv";
    }

    /** Full-text search, once the search feature has plugged in (none: {@code q=} is 503). */
    void searchWith(RequestTextSearch search) {
        this.search = search;
    }

    Future<JsonObject> page(LedgerQuery query, Actor actor) {
        if (query.q() != null) {
            return requests.scopeOf(actor).compose(scope -> searched(query, scope, query.offset(), query.limit()))
                    .map(found -> {
                        JsonArray items = new JsonArray();
                        found.docs().forEach(d -> items.add(requests.render(d.doc(), found.scope())));
                        JsonObject page = new JsonObject().put("items", items);
                        if (found.more()) {
                            page.put("nextCursor", LedgerQuery.cursorAtRank(query.offset() + query.limit()));
                        }
                        return page;
                    });
        }
        Instant now = clock.instant();
        return requests.scopeOf(actor).compose(scope -> repository
                .find(both(scope.filter(), query.filter(now)), LedgerQuery.sort(), query.limit() + 1)
                .map(docs -> {
                    List<JsonObject> shown = docs.subList(0, Math.min(docs.size(), query.limit()));
                    JsonArray items = new JsonArray();
                    shown.forEach(d -> items.add(requests.render(d, scope)));
                    JsonObject page = new JsonObject().put("items", items);
                    if (docs.size() > query.limit()) {
                        page.put("nextCursor", LedgerQuery.cursorAfter(shown.get(shown.size() - 1)));
                    }
                    return page;
                }));
    }

    private record Hit(JsonObject doc) {
    }

    private record Found(Scope scope, List<Hit> docs, boolean more) {
    }

    /**
     * One page of search hits, best first. The index applies the scope and filters; each hit is then
     * read by id and checked against the scope again, so a request that just left the caller's
     * scope is never shown, even if the index has not caught up yet.
     */
    private Future<Found> searched(LedgerQuery query, Scope scope, int offset, int count) {
        RequestTextSearch index = search;
        if (index == null) {
            return Future.failedFuture(new RequestTextSearch.SearchUnavailableException("全文搜索未启用"));
        }
        int want = Math.min(LedgerQuery.SEARCH_DEPTH, offset + count + 1);
        return index.ids(query.q(), query.criteria(scope, clock.instant()), want).compose(ids -> {
            List<String> page = ids.subList(Math.min(offset, ids.size()), Math.min(offset + count, ids.size()));
            List<Future<java.util.Optional<JsonObject>>> reads = page.stream().map(repository::find).toList();
            return Future.all(reads).map(done -> new Found(scope, reads.stream().map(Future::result)
                    .flatMap(java.util.Optional::stream).filter(scope::canSee).map(Hit::new).toList(),
                    ids.size() > offset + count && offset + count < LedgerQuery.SEARCH_DEPTH));
        });
    }

    /** The same rows as CSV for Excel (UTF-8 with a byte-order mark), at most {@value #EXPORT_LIMIT}. */
    Future<String> csv(LedgerQuery query, Actor actor) {
        Instant now = clock.instant();
        Future<Map<String, String>> unitNames = units.all()
                .map(all -> all.stream().collect(Collectors.toMap(Unit::id, Unit::name)));
        return unitNames.compose(names -> requests.scopeOf(actor).compose(scope -> (query.q() != null
                ? searched(query, scope, 0, LedgerQuery.SEARCH_DEPTH).map(f -> f.docs().stream().map(Hit::doc).toList())
                : repository.find(both(scope.filter(), query.filter(now)), LedgerQuery.sort(), EXPORT_LIMIT))
                .map(docs -> {
                    StringBuilder out = new StringBuilder(BOM)
                            .append("编号,状态,类型,渠道,诉求内容,所属区,承办单位,联络员,提交时间,办结时限,是否超期,评价\r\n");
                    for (JsonObject doc : docs) {
                        JsonObject row = requests.render(doc, scope);
                        RequestStatus status = RequestStatus.valueOf(row.getString("status"));
                        String type = row.getString("type") == null ? "" : RequestType.valueOf(row.getString("type")).label();
                        String channel = Channel.fromWire(row.getString("channel")).map(Channel::label).orElse("");
                        String rating = row.getJsonObject("rating") == null ? ""
                                : RatingLevel.valueOf(row.getJsonObject("rating").getString("level")).label();
                        String unitId = row.getString("unitId");
                        line(out, row.getString("number"), status.label(), type, channel, row.getString("content"),
                                row.getString("districtName"), unitId == null ? null : names.getOrDefault(unitId, unitId),
                                row.getString("liaisonName"), readable(row.getString("createdAt")),
                                readable(row.getString("dueAt")), row.getBoolean("overdue", false) ? "是" : "否", rating);
                    }
                    return out.toString();
                })));
    }

    private static String readable(String apiTime) {
        return apiTime == null ? null
                : READABLE.format(OffsetDateTime.parse(apiTime).atZoneSameInstant(MongoDocs.ZONE));
    }

    private static JsonObject both(JsonObject a, JsonObject b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return new JsonObject().put("$and", new JsonArray().add(a).add(b));
    }

    private static void line(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    /** Quotes a cell; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
