package cn.liaison.backend.request;

import cn.liaison.bots.domain.RequestType;
import cn.liaison.bots.domain.RatingLevel;

import cn.liaison.backend.org.Unit;
import cn.liaison.backend.org.UnitDirectory;
import cn.liaison.backend.platform.store.MongoDocs;
import cn.liaison.backend.platform.store.StoredValues;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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

    /**
     * A CSV export: its first line, its documents (a stream read batch by batch, or the hits of a text
     * search, at most {@code LedgerQuery.SEARCH_DEPTH}), and how a batch of them reads as CSV lines.
     */
    record CsvExport(Buffer header, ReadStream<JsonObject> documents, List<JsonObject> found,
                     Function<List<JsonObject>, Buffer> format) {
    }

    /**
     * The same rows as CSV for Excel (UTF-8 with a byte-order mark), at most {@value #EXPORT_LIMIT}, as a
     * stream: never the whole file in memory.
     */
    Future<CsvExport> csv(LedgerQuery query, Actor actor) {
        Instant now = clock.instant();
        Future<Map<String, String>> unitNames = units.all()
                .map(all -> all.stream().collect(Collectors.toMap(Unit::id, Unit::name)));
        Buffer header = Buffer.buffer(BOM + "编号,状态,类型,渠道,诉求内容,所属区,承办单位,联络员,提交时间,办结时限,是否超期,评价\r\n");
        return unitNames.compose(names -> requests.scopeOf(actor).compose(scope -> {
            Function<List<JsonObject>, Buffer> format = docs -> {
                StringBuilder out = new StringBuilder(docs.size() * 256);
                docs.forEach(doc -> row(out, requests.render(doc, scope), names));
                return Buffer.buffer(out.toString());
            };
            if (query.q() != null) {
                return searched(query, scope, 0, LedgerQuery.SEARCH_DEPTH)
                        .map(f -> new CsvExport(header, null, f.docs().stream().map(Hit::doc).toList(), format));
            }
            return Future.succeededFuture(new CsvExport(header,
                    repository.stream(both(scope.filter(), query.filter(now)), LedgerQuery.sort(), EXPORT_LIMIT), null, format));
        }));
    }

    private static void row(StringBuilder out, JsonObject row, Map<String, String> names) {
        // the row is the rendered request: its statusLabel already says 未知 for a status no constant names
        String id = row.getString("id");
        String type = label(RequestType.class, row.getString("type"), id, "type", RequestType::label);
        String channel = row.getString("channel") == null ? ""
                : Channel.fromWire(row.getString("channel")).map(Channel::label)
                        .orElse(StoredValues.unknownLabel(row.getString("channel")));
        String rating = row.getJsonObject("rating") == null ? ""
                : label(RatingLevel.class, row.getJsonObject("rating").getString("level"), id, "rating.level", RatingLevel::label);
        String unitId = row.getString("unitId");
        line(out, row.getString("number"), row.getString("statusLabel"), type, channel, row.getString("content"),
                row.getString("districtName"), unitId == null ? null : names.getOrDefault(unitId, unitId),
                row.getString("liaisonName"), readable(row.getString("createdAt")),
                readable(row.getString("dueAt")), row.getBoolean("overdue", false) ? "是" : "否", rating);
    }

    private static <E extends Enum<E>> String label(Class<E> type, String value, String id, String field,
                                                    Function<E, String> label) {
        return value == null ? "" : StoredValues.known(type, value, RequestRepository.COLLECTION, id, field).map(label)
                .orElse(StoredValues.unknownLabel(value));
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
