package cn.liaison.backend.platform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's query planner through the real MongoDB driver: filters that pin {@code _id},
 * a unique key or a non-unique index prefix are served from that index (the query log says which),
 * sorted pages walk an index, and every answer equals what the filter means, also after a restart
 * (when the in-memory indexes are rebuilt) and after updates that move a document between keys.
 */
class IndexedStoreTest {

    private static final int N = 300;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;
    private final Vertx vertx = Vertx.vertx();
    private EmbeddedMongo mongo;
    private MongoClient client;

    @AfterEach
    void close() throws Exception {
        if (client != null) {
            client.close().await(10, TimeUnit.SECONDS);
        }
        if (mongo != null) {
            mongo.close();
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void pinnedFiltersUseIndexesAndAnswersMatchTheFilter() throws Exception {
        open();
        await(Future.all(
                client.createIndexWithOptions("items", new JsonObject().put("number", 1), new IndexOptions().unique(true)),
                client.createIndexWithOptions("items", new JsonObject().put("owner", 1).put("status", 1), new IndexOptions()),
                client.createIndexWithOptions("items", new JsonObject().put("createdAt", -1), new IndexOptions()),
                client.createIndexWithOptions("items", new JsonObject().put("outbox.at", 1), new IndexOptions())));
        List<JsonObject> docs = IntStream.range(0, N).mapToObj(IndexedStoreTest::doc).toList();
        for (JsonObject d : docs) {
            await(client.insert("items", d.copy()));
        }
        mongo.queryLog().clear();

        // {_id, version}: one winner, a stale version matches nothing
        JsonObject won = await(client.findOneAndUpdateWithOptions("items", new JsonObject().put("_id", "i7").put("version", 0),
                new JsonObject().put("$inc", new JsonObject().put("version", 1)), new FindOptions(),
                new UpdateOptions().setReturningNewDocument(true)));
        assertEquals(1, won.getInteger("version"));
        assertNull(await(client.findOneAndUpdate("items", new JsonObject().put("_id", "i7").put("version", 0),
                new JsonObject().put("$set", new JsonObject().put("x", 1)))));
        // {_id, array.field}: positional update on the one document
        await(client.updateCollection("items", new JsonObject().put("_id", "i3").put("outbox.id", "o3"),
                new JsonObject().put("$set", new JsonObject().put("outbox.$.attempts", 2))));
        assertEquals(2, await(client.findOne("items", new JsonObject().put("_id", "i3"), null))
                .getJsonArray("outbox").getJsonObject(0).getInteger("attempts"));
        // a unique key with another condition
        assertEquals("i9", await(client.findOne("items", new JsonObject().put("number", "N9").put("status", "late"), null))
                .getString("_id"));

        // non-unique compound prefix with $in
        JsonObject active = new JsonObject().put("owner", "u2").put("status", new JsonObject().put("$in",
                new JsonArray().add("open").add("late")));
        long expected = docs.stream().filter(d -> d.getString("owner").equals("u2")
                && List.of("open", "late").contains(d.getString("status"))).count();
        assertEquals(expected, await(client.count("items", active)));

        // first page sorted by createdAt desc, _id desc, with a filter the index does not cover
        JsonObject filter = new JsonObject().put("$and", new JsonArray().add(new JsonObject().put("status", "closed")));
        JsonObject sort = new JsonObject().put("createdAt", -1).put("_id", -1);
        List<String> page = ids(await(client.findWithOptions("items", filter, new FindOptions().setSort(sort).setLimit(11))));
        List<String> wanted = docs.stream().filter(d -> d.getString("status").equals("closed"))
                .sorted(Comparator.comparing((JsonObject d) -> d.getJsonObject("createdAt").getString("$date"))
                        .thenComparing(d -> d.getString("_id")).reversed())
                .limit(11).map(d -> d.getString("_id")).toList();
        assertEquals(wanted, page);

        // range through $elemMatch on an array of sub-documents
        JsonObject due = new JsonObject().put("outbox", new JsonObject().put("$elemMatch", new JsonObject()
                .put("at", new JsonObject().put("$lte", date(T0.plusSeconds(20))))));
        assertEquals(List.of("i0", "i10", "i20"), sorted(ids(await(client.find("items", due)))));

        List<QueryLog.Entry> log = mongo.queryLog().entries();
        assertTrue(log.stream().noneMatch(QueryLog.Entry::scanned), "scanned: " + log);
        assertTrue(log.stream().anyMatch(e -> e.plan().equals("owner_1_status_1")), log.toString());
        assertTrue(log.stream().anyMatch(e -> e.plan().equals("createdAt_-1")), log.toString());
        assertTrue(log.stream().anyMatch(e -> e.plan().equals("outbox.at_1")), log.toString());

        // an update moves a document between index keys; a delete leaves none behind
        await(client.updateCollection("items", new JsonObject().put("_id", "i2"),
                new JsonObject().put("$set", new JsonObject().put("status", "open"))));
        await(client.removeDocument("items", new JsonObject().put("_id", "i12")));
        long open2 = count(docs, "u2", "open") + (docs.get(2).getString("status").equals("open") ? 0 : 1)
                - (docs.get(12).getString("status").equals("open") ? 1 : 0);

        // after a restart the in-memory indexes are rebuilt from the stored documents
        reopen();
        assertEquals(open2, await(client.count("items", new JsonObject().put("owner", "u2").put("status", "open"))));
        assertEquals(List.of("i0", "i10", "i20"), sorted(ids(await(client.find("items", due)))));
        assertTrue(mongo.queryLog().entries().stream().noneMatch(QueryLog.Entry::scanned), mongo.queryLog().entries().toString());

        // a filter no index covers is still answered, and shows as a scan
        assertEquals(N / 3, await(client.count("items", new JsonObject().put("kind", "b"))));
        assertTrue(mongo.queryLog().entries().stream().anyMatch(QueryLog.Entry::scanned));
    }

    /**
     * The indexes are kept in their own file: a start after a clean stop reads no document, and
     * every answer is the same as before. After a crash (here: the data file closed under the
     * server, as a failed write closes it) the index file is not trusted and every index is rebuilt
     * from the documents, including writes made after the index file was last written.
     */
    @Test
    void countsThatAnIndexCoversExactlyAreAnsweredFromItAndEqualTheMatchersCount() throws Exception {
        open();
        await(client.createIndexWithOptions("tasks", new JsonObject().put("owner", 1).put("status", 1), new IndexOptions()));
        // owners and statuses that an index could get wrong: missing, null, a number that prints as
        // a string, arrays (one document under several keys; never both, as in MongoDB), case
        List<Object> owners = List.of("a", "b", "A", "7", 7, new JsonArray().add("a").add("b"), new JsonArray());
        List<Object> statuses = List.of("OPEN", "DONE", "open", new JsonArray().add("OPEN").add("WAIT"));
        java.util.Random random = new java.util.Random(19);
        for (int i = 0; i < 400; i++) {
            JsonObject d = new JsonObject().put("_id", "t" + i);
            int o = random.nextInt(owners.size() + 2);
            if (o < owners.size()) {
                d.put("owner", owners.get(o));
            } else if (o == owners.size()) {
                d.putNull("owner");
            }
            int st = random.nextInt(statuses.size() + 1);
            if (st < statuses.size() && !(d.getValue("owner") instanceof JsonArray && statuses.get(st) instanceof JsonArray)) {
                d.put("status", statuses.get(st));
            }
            await(client.insert("tasks", d));
        }
        await(client.removeDocument("tasks", new JsonObject().put("_id", "t3")));
        await(client.updateCollection("tasks", new JsonObject().put("_id", "t4"),
                new JsonObject().put("$set", new JsonObject().put("owner", "b").put("status", "OPEN"))));
        mongo.queryLog().clear();
        List<JsonObject> covered = List.of(
                new JsonObject().put("owner", "a").put("status", new JsonObject().put("$in", new JsonArray().add("OPEN").add("WAIT"))),
                new JsonObject().put("owner", "b").put("status", "OPEN"),
                new JsonObject().put("status", new JsonObject().put("$eq", "OPEN")).put("owner", "7"),
                new JsonObject().put("owner", new JsonObject().put("$in", new JsonArray().add("a").add("b"))),
                new JsonObject().put("owner", "nobody"));
        for (JsonObject filter : covered) {
            long expected = await(client.find("tasks", filter)).size();
            assertEquals(expected, (long) await(client.count("tasks", filter)), filter.encode());
        }
        long countedFromIndex = mongo.queryLog().entries().stream().filter(e -> e.shape().endsWith(QueryLog.COUNTED)).count();
        assertEquals(covered.size(), countedFromIndex, mongo.queryLog().entries().toString());
        assertTrue(await(client.count("tasks", covered.get(0))) > 0, "the data has matches to count");
        // arrays put a document under several entries: those counts walk the entries, each document once
        assertTrue(mongo.queryLog().entries().stream().noneMatch(e -> e.shape().contains(QueryLog.BY_RANK)),
                mongo.queryLog().entries().toString());

        // without arrays every document has one entry: counted from the B-tree's page counts, before
        // and after a clean stop (which keeps that fact with the index), and after documents leave
        await(client.createIndexWithOptions("plain", new JsonObject().put("owner", 1).put("status", 1), new IndexOptions()));
        for (int i = 0; i < 300; i++) {
            JsonObject d = new JsonObject().put("_id", "p" + i).put("status", List.of("OPEN", "DONE", "WAIT").get(random.nextInt(3)));
            int o = random.nextInt(4);
            if (o < 3) {
                d.put("owner", List.of("a", "b", "A").get(o));
            }
            await(client.insert("plain", d));
        }
        await(client.removeDocuments("plain", new JsonObject().put("owner", "b").put("status", "WAIT")));
        List<JsonObject> plainFilters = List.of(
                new JsonObject().put("owner", "a").put("status", new JsonObject().put("$in", new JsonArray().add("OPEN").add("WAIT").add("OPEN"))),
                new JsonObject().put("owner", "b"),
                new JsonObject().put("owner", new JsonObject().put("$in", new JsonArray().add("a").add("A"))).put("status", "DONE"),
                new JsonObject().put("owner", "b").put("status", "WAIT"));
        for (int round = 0; round < 2; round++) {
            mongo.queryLog().clear();
            for (JsonObject filter : plainFilters) {
                long expected = await(client.find("plain", filter)).size();
                assertEquals(expected, (long) await(client.count("plain", filter)), filter.encode());
            }
            assertEquals(plainFilters.size(), mongo.queryLog().entries().stream()
                    .filter(e -> e.shape().endsWith(QueryLog.COUNTED) && e.shape().contains(QueryLog.BY_RANK)).count(),
                    mongo.queryLog().entries().toString());
            reopen();
        }
        assertTrue(await(client.count("plain", plainFilters.get(0))) > 0, "the data has matches to count");
        // a document with an array makes the index walk its counts from then on, across a clean stop
        await(client.insert("plain", new JsonObject().put("_id", "arr").put("owner", new JsonArray().add("a").add("b")).put("status", "OPEN")));
        reopen();
        mongo.queryLog().clear();
        JsonObject both = new JsonObject().put("owner", new JsonObject().put("$in", new JsonArray().add("a").add("b")));
        assertEquals(await(client.find("plain", both)).size(), (long) await(client.count("plain", both)));
        assertTrue(mongo.queryLog().entries().stream().anyMatch(e -> e.shape().endsWith(QueryLog.COUNTED)
                && !e.shape().contains(QueryLog.BY_RANK)), mongo.queryLog().entries().toString());

        // not exact from the index: the matcher counts these, with the same results as a find
        mongo.queryLog().clear();
        List<JsonObject> matched = List.of(
                new JsonObject().put("owner", 7),
                new JsonObject().put("owner", "a").put("status", new JsonObject().put("$ne", "DONE")),
                new JsonObject().put("status", "OPEN"),
                new JsonObject().putNull("owner"),
                new JsonObject().put("owner", "a").put("extra", "x"));
        for (JsonObject filter : matched) {
            long expected = await(client.find("tasks", filter)).size();
            assertEquals(expected, (long) await(client.count("tasks", filter)), filter.encode());
        }
        assertTrue(mongo.queryLog().entries().stream().noneMatch(e -> e.shape().endsWith(QueryLog.COUNTED)),
                mongo.queryLog().entries().toString());
    }

    @Test
    void indexesAreKeptAcrossACleanStopAndRebuiltAfterACrash() throws Exception {
        open();
        await(client.createIndexWithOptions("items", new JsonObject().put("owner", 1).put("status", 1), new IndexOptions()));
        await(client.createIndexWithOptions("items", new JsonObject().put("createdAt", -1), new IndexOptions()));
        List<JsonObject> docs = IntStream.range(0, N).mapToObj(IndexedStoreTest::doc).toList();
        for (JsonObject d : docs) {
            await(client.insert("items", d.copy()));
        }
        JsonObject u1open = new JsonObject().put("owner", "u1").put("status", "open");
        long expected = count(docs, "u1", "open");

        reopen();
        assertEquals(0, mongo.indexedAtStart(), "a clean stop keeps the indexes: nothing is read at start");
        assertEquals(expected, await(client.count("items", u1open)));
        JsonObject newest = await(client.findWithOptions("items", new JsonObject(),
                new FindOptions().setSort(new JsonObject().put("createdAt", -1).put("_id", -1)).setLimit(1))).get(0);
        assertEquals("i" + (N - 1), newest.getString("_id"));
        assertTrue(mongo.queryLog().entries().stream().noneMatch(QueryLog.Entry::scanned), mongo.queryLog().entries().toString());

        // written after the index file was last kept, then the data file dies: the next start rebuilds
        await(client.insert("items", doc(N).put("owner", "u1").put("status", "open")));
        await(client.updateCollection("items", new JsonObject().put("_id", "i1"),
                new JsonObject().put("$set", new JsonObject().put("owner", "u9"))));
        boolean i1WasCounted = docs.get(1).getString("owner").equals("u1") && docs.get(1).getString("status").equals("open");
        mongo.failLikeAFullDisk();
        reopen();
        assertEquals(N + 1, mongo.indexedAtStart(), "not a clean stop: every document is indexed again");
        assertEquals(expected + 1 - (i1WasCounted ? 1 : 0), await(client.count("items", u1open)));
        assertEquals("i" + N, await(client.findWithOptions("items", new JsonObject(),
                new FindOptions().setSort(new JsonObject().put("createdAt", -1).put("_id", -1)).setLimit(1))).get(0).getString("_id"));

        // a lost index file is rebuilt too
        client.close().await(10, TimeUnit.SECONDS);
        mongo.close();
        java.nio.file.Files.delete(dir.resolve("mongo").resolve("liaison-indexes.mv.db"));
        open();
        assertEquals(N + 1, mongo.indexedAtStart());
        assertEquals(expected + 1 - (i1WasCounted ? 1 : 0), await(client.count("items", u1open)));
    }

    /**
     * A plan list's shape: an {@code $or} over a multikey array ({@code people}), plain keys and
     * {@code $in}, each branch on an index with the sort as its last key, beside a status
     * {@code $in} and a cursor range. The branches are merged on the sort key (not the status index
     * walked city-wide), every page equals the filter's answer, and paging with the cursor visits
     * each document once.
     */
    @Test
    void orOverAMultikeyArrayWalksTheBranchesInSortOrder() throws Exception {
        open();
        for (String f : List.of("people", "unit", "lead")) {
            await(client.createIndexWithOptions("plans", new JsonObject().put(f, 1).put("status", 1).put("createdAt", -1),
                    new IndexOptions()));
        }
        await(client.createIndexWithOptions("plans", new JsonObject().put("status", 1).put("createdAt", -1), new IndexOptions()));
        List<JsonObject> docs = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            JsonArray people = new JsonArray();
            for (int k = 0; k < i % 4; k++) {
                people.add("p" + ((i + k) % 7));
            }
            docs.add(new JsonObject().put("_id", String.format("x%03d", i)).put("people", people)
                    .put("unit", "u" + (i % 6)).put("lead", "p" + (i % 11)).put("status", i % 5 == 0 ? "open" : "closed")
                    .put("createdAt", date(T0.plusSeconds(60L * (i - i % 3 / 2)))));
        }
        for (JsonObject d : docs) {
            await(client.insert("plans", d.copy()));
        }
        JsonObject scope = new JsonObject().put("$or", new JsonArray().add(new JsonObject().put("people", "p3"))
                .add(new JsonObject().put("lead", "p3"))
                .add(new JsonObject().put("unit", new JsonObject().put("$in", new JsonArray().add("u1").add("u4")))));
        java.util.function.Predicate<JsonObject> inScope = d -> d.getJsonArray("people").contains("p3")
                || d.getString("lead").equals("p3") || List.of("u1", "u4").contains(d.getString("unit"));
        JsonObject sort = new JsonObject().put("createdAt", -1).put("_id", -1);
        Comparator<JsonObject> newestFirst = Comparator.comparing((JsonObject d) -> d.getJsonObject("createdAt").getString("$date"))
                .thenComparing(d -> d.getString("_id")).reversed();
        for (List<String> statuses : List.of(List.of("open"), List.of("open", "closed"))) {
            List<String> wanted = docs.stream().filter(inScope).filter(d -> statuses.contains(d.getString("status")))
                    .sorted(newestFirst).map(d -> d.getString("_id")).toList();
            List<String> seen = new ArrayList<>();
            JsonObject last = null;
            mongo.queryLog().clear();
            do {
                JsonArray and = new JsonArray().add(scope)
                        .add(new JsonObject().put("status", new JsonObject().put("$in", new JsonArray(statuses))));
                if (last != null) {
                    JsonObject at = last.getJsonObject("createdAt");
                    and.add(new JsonObject().put("createdAt", new JsonObject().put("$lte", at)))
                            .add(new JsonObject().put("$or", new JsonArray()
                                    .add(new JsonObject().put("createdAt", new JsonObject().put("$lt", at)))
                                    .add(new JsonObject().put("_id", new JsonObject().put("$lt", last.getString("_id"))))));
                }
                List<JsonObject> page = await(client.findWithOptions("plans", new JsonObject().put("$and", and),
                        new FindOptions().setSort(sort).setLimit(7)));
                page.forEach(d -> seen.add(d.getString("_id")));
                last = page.size() == 7 ? page.get(6) : null;
            } while (last != null);
            assertEquals(wanted, seen, "statuses " + statuses);
            List<QueryLog.Entry> log = mongo.queryLog().entries();
            assertTrue(log.stream().allMatch(e -> e.plan().equals("people_1_status_1_createdAt_-1|lead_1_status_1_createdAt_-1"
                    + "|unit_1_status_1_createdAt_-1")), log.toString());
        }
        // a document that leaves the array leaves its index entries
        await(client.updateCollectionWithOptions("plans", new JsonObject().put("people", "p3"),
                new JsonObject().put("$set", new JsonObject().put("people", new JsonArray())), new UpdateOptions().setMulti(true)));
        assertEquals(0, await(client.count("plans", new JsonObject().put("people", "p3").put("status",
                new JsonObject().put("$in", new JsonArray().add("open").add("closed"))))));
    }

    /**
     * Documents are kept as BSON; a store written in upstream's format (Java serialization) opens
     * with every value and type intact, and a document written again is read back the same.
     */
    @Test
    void aStoreInUpstreamsFormatOpensAndDocumentsRoundTripAsBson() throws Exception {
        JsonObject typed = new JsonObject().put("_id", "t1").put("int", 7).put("long", 1L << 40).put("double", 2.5)
                .put("flag", true).put("none", (Object) null).put("text", "浦口区 — 人防").put("at", date(T0))
                .put("bytes", new JsonObject().put("$binary", "AAEC"))
                .put("nested", new JsonObject().put("list", new JsonArray().add(1).add("二").add(new JsonObject().put("k", 3L))));
        mongo = EmbeddedMongo.start(dir, true);
        client = MongoClient.create(vertx, new JsonObject().put("connection_string", mongo.connectionString()).put("db_name", "t"));
        await(client.createIndexWithOptions("items", new JsonObject().put("text", 1).put("int", 1), new IndexOptions().unique(true)));
        await(client.insert("items", typed.copy()));
        await(client.insert("items", typed.copy().put("_id", "t2").put("int", 8)));
        // as the driver shows it (a binary gains its subtype): what every later read must equal
        JsonObject stored = await(client.findOne("items", new JsonObject().put("_id", "t1"), null));
        assertEquals(typed.getInteger("int"), stored.getInteger("int"));

        reopen(); // this store's format now: the old values are read as they were
        assertEquals(stored, await(client.findOne("items", new JsonObject().put("_id", "t1"), null)));
        // upstream's unique indexes (Java-serialised keys) were converted and still hold every key
        assertDuplicate(client.insert("items", new JsonObject().put("_id", "t1")));
        assertDuplicate(client.insert("items", new JsonObject().put("_id", "x").put("text", typed.getString("text")).put("int", 8)));
        assertEquals("t2", await(client.findOne("items", new JsonObject().put("text", typed.getString("text")).put("int", 8), null))
                .getString("_id"));
        await(client.updateCollection("items", new JsonObject().put("_id", "t2"),
                new JsonObject().put("$set", new JsonObject().put("text", "江北新区"))));
        await(client.insert("items", typed.copy().put("_id", "t3").put("int", 9)));

        reopen(); // an old value, one rewritten as BSON, one inserted as BSON
        assertEquals(stored, await(client.findOne("items", new JsonObject().put("_id", "t1"), null)));
        assertEquals(stored.copy().put("_id", "t2").put("text", "江北新区").put("int", 8),
                await(client.findOne("items", new JsonObject().put("_id", "t2"), null)));
        assertEquals(stored.copy().put("_id", "t3").put("int", 9), await(client.findOne("items", new JsonObject().put("_id", "t3"), null)));
        assertDuplicate(client.insert("items", new JsonObject().put("_id", "t3")));
        assertDuplicate(client.insert("items", new JsonObject().put("_id", "y").put("text", "江北新区").put("int", 8)));
        // numbers are normalised before they reach the index (8 and 8L collide, as upstream); a string stays apart
        assertDuplicate(client.insert("items", new JsonObject().put("_id", "z").put("text", "江北新区").put("int", 8L)));
        await(client.insert("items", new JsonObject().put("_id", "w").put("text", "江北新区").put("int", "8")));
        // BSON keeps the number types apart: a 64-bit value stays a long, a 32-bit one an int
        assertEquals(3, await(client.count("items", new JsonObject().put("long", new JsonObject().put("$type", "long")))));
        assertEquals(3, await(client.count("items", new JsonObject().put("int", new JsonObject().put("$type", "int")))));
    }

    /**
     * Updates move a document's index entries exactly when a value an index reads changed: a nested
     * path, a whole sub-document replaced, a positional update inside an array, an entry pushed onto
     * it, a field removed; an update of anything else leaves them. Each indexed answer is checked
     * against the stored documents themselves.
     */
    @Test
    void updatesMoveIndexEntriesExactlyWhenAnIndexedValueChanges() throws Exception {
        open();
        await(Future.all(
                client.createIndexWithOptions("items", new JsonObject().put("createdBy.id", 1), new IndexOptions()),
                client.createIndexWithOptions("items", new JsonObject().put("outbox.at", 1), new IndexOptions()),
                client.createIndexWithOptions("items", new JsonObject().put("status", 1).put("createdAt", -1), new IndexOptions())));
        for (int i = 0; i < 40; i++) {
            await(client.insert("items", doc(i).put("createdBy", new JsonObject().put("id", "u" + i % 4).put("name", "n"))));
        }
        JsonObject none = new JsonObject();
        update("i1", new JsonObject().put("$set", new JsonObject().put("note", "unindexed")));
        update("i2", new JsonObject().put("$set", new JsonObject().put("createdBy.id", "u9")));
        update("i5", new JsonObject().put("$set", new JsonObject().put("createdBy", new JsonObject().put("id", "u9"))));
        update("i6", new JsonObject().put("$unset", new JsonObject().put("status", "")));
        update("i7", new JsonObject().put("$set", new JsonObject().put("status", "late").put("createdAt", date(T0))));
        await(client.updateCollection("items", new JsonObject().put("_id", "i3").put("outbox.id", "o3"),
                new JsonObject().put("$set", new JsonObject().put("outbox.$.at", date(T0.plusSeconds(5))))));
        update("i4", new JsonObject().put("$push", new JsonObject().put("outbox", new JsonObject().put("id", "p4")
                .put("at", date(T0.plusSeconds(7))))));
        update("i10", new JsonObject().put("$set", new JsonObject().put("outbox.0.at", date(T0.plusSeconds(90_000)))));
        List<JsonObject> stored = await(client.find("items", none));
        mongo.queryLog().clear();

        for (String user : List.of("u0", "u1", "u2", "u3", "u9")) {
            List<String> expected = sorted(ids(stored.stream().filter(d -> user.equals(d.getJsonObject("createdBy").getString("id"))).toList()));
            assertEquals(expected, sorted(ids(await(client.find("items", new JsonObject().put("createdBy.id", user))))), user);
        }
        JsonObject due = new JsonObject().put("outbox", new JsonObject().put("$elemMatch", new JsonObject()
                .put("at", new JsonObject().put("$lte", date(T0.plusSeconds(20))))));
        // i3 and i4 became due, i10 no longer is
        assertEquals(List.of("i0", "i20", "i3", "i4"), sorted(ids(await(client.find("items", due)))));
        for (String status : List.of("open", "late", "closed")) {
            List<String> expected = stored.stream().filter(d -> status.equals(d.getString("status")))
                    .sorted(Comparator.comparing((JsonObject d) -> d.getJsonObject("createdAt").getString("$date"))
                            .thenComparing(d -> d.getString("_id")).reversed())
                    .map(d -> d.getString("_id")).toList();
            assertEquals(expected, ids(await(client.findWithOptions("items", new JsonObject().put("status", status),
                    new FindOptions().setSort(new JsonObject().put("createdAt", -1).put("_id", -1))))), status);
        }
        assertTrue(mongo.queryLog().entries().stream().noneMatch(QueryLog.Entry::scanned), mongo.queryLog().entries().toString());
        assertEquals("late", stored.stream().filter(d -> d.getString("_id").equals("i7")).findFirst().orElseThrow().getString("status"));
    }

    /**
     * A page sorted on the walked key alone may take any of the documents tied on it, and stops at its
     * limit; with a second sort key the ties are read to their end and ordered by it.
     */
    @Test
    void tiesOnASingleSortKeyEndThePageAtItsLimitAndASecondKeyOrdersThem() throws Exception {
        open();
        await(client.createIndexWithOptions("items", new JsonObject().put("due", 1), new IndexOptions()));
        for (int i = 0; i < 60; i++) {
            // fifty documents share the earliest deadline; ten come later, one each
            await(client.insert("items", new JsonObject().put("_id", String.format("t%02d", 59 - i))
                    .put("due", date(T0.plusSeconds(i < 50 ? 0 : 60L * i)))));
        }
        mongo.queryLog().clear();
        List<JsonObject> first = await(client.findWithOptions("items", new JsonObject(),
                new FindOptions().setSort(new JsonObject().put("due", 1)).setLimit(20)));
        assertEquals(20, first.size());
        assertTrue(first.stream().allMatch(d -> d.getJsonObject("due").getString("$date").startsWith("2026-01-01T00:00:00")), first.toString());
        List<JsonObject> last = await(client.findWithOptions("items", new JsonObject(),
                new FindOptions().setSort(new JsonObject().put("due", -1)).setLimit(12)));
        assertEquals(List.of("t00", "t01", "t02", "t03", "t04", "t05", "t06", "t07", "t08", "t09"),
                ids(last).subList(0, 10), "the ten later deadlines, latest first");
        assertEquals(12, last.size());
        List<JsonObject> byId = await(client.findWithOptions("items", new JsonObject(),
                new FindOptions().setSort(new JsonObject().put("due", 1).put("_id", 1)).setLimit(20)));
        assertEquals(IntStream.range(10, 30).mapToObj(i -> String.format("t%02d", i)).toList(), ids(byId),
                "ties ordered by the second key");
        assertTrue(mongo.queryLog().entries().stream().noneMatch(QueryLog.Entry::scanned), mongo.queryLog().entries().toString());
    }

    private void update(String id, JsonObject update) throws Exception {
        await(client.updateCollection("items", new JsonObject().put("_id", id), update));
    }

    private static void assertDuplicate(Future<?> write) {
        Exception refused = assertThrows(Exception.class, () -> await(write));
        assertTrue(String.valueOf(refused.getMessage()).contains("E11000"), String.valueOf(refused.getMessage()));
    }

    private static JsonObject doc(int i) {
        String[] statuses = {"open", "late", "closed", "closed"};
        JsonObject d = new JsonObject().put("_id", "i" + i).put("number", "N" + i).put("version", 0)
                .put("owner", "u" + (i % 5)).put("status", statuses[i % 4]).put("kind", List.of("a", "b", "c").get(i % 3))
                // every third document shares its creation time with the previous one: ties on the sort key
                .put("createdAt", date(T0.plusSeconds(60L * (i - i % 3 / 2))));
        JsonArray outbox = new JsonArray().add(new JsonObject().put("id", "o" + i).put("attempts", 0)
                .put("at", date(T0.plusSeconds(i % 10 == 0 ? i : 10_000))));
        return d.put("outbox", outbox);
    }

    private static long count(List<JsonObject> docs, String owner, String status) {
        return docs.stream().filter(d -> d.getString("owner").equals(owner) && d.getString("status").equals(status)).count();
    }

    private static JsonObject date(Instant t) {
        return new JsonObject().put("$date", t.toString());
    }

    private static List<String> ids(List<JsonObject> docs) {
        return docs.stream().map(d -> d.getString("_id")).toList();
    }

    private static List<String> sorted(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        copy.sort(null);
        return copy;
    }

    private void open() throws Exception {
        mongo = EmbeddedMongo.start(dir);
        client = MongoClient.create(vertx, new JsonObject().put("connection_string", mongo.connectionString())
                .put("db_name", "t"));
    }

    private void reopen() throws Exception {
        client.close().await(10, TimeUnit.SECONDS);
        mongo.close();
        open();
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.await(20, TimeUnit.SECONDS);
    }
}
